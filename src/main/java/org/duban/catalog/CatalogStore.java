package org.duban.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.catalog.PlanDefinition.IndicatorDefinition;
import org.duban.catalog.PlanDefinition.SectionDefinition;
import org.duban.catalog.PlanDefinition.TaskDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes plan files into the database as upserts keyed by their stable codes and numbers, so
 * loading the same files twice changes nothing and an edited file updates the plan in place.
 * Removing a task or indicator that already has reported data is refused: nothing is lost.
 */
@Repository
class CatalogStore {

    private final JdbcClient jdbc;
    /** For batches, which JdbcClient does not offer. */
    private final JdbcTemplate batches;
    private final Clock clock;
    private final List<IndicatorUsage> usages;

    CatalogStore(JdbcClient jdbc, JdbcTemplate batches, Clock clock, List<IndicatorUsage> usages) {
        this.batches = batches;
        this.usages = usages;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction: a problem thrown half-way leaves the old plan intact. */
    void store(PlanFiles.Contents contents) {
        Map<String, Long> regions = new HashMap<>();
        Map<String, Map<String, Long>> departments = new HashMap<>();
        for (PlanFiles.RegionFile region : contents.regions()) {
            long id = upsertRegion(region);
            regions.put(region.code(), id);
            departments.put(region.code(), upsertDepartments(id, region.departments()));
        }
        for (PlanDefinition plan : contents.plans()) {
            storePlan(regions.get(plan.region().code()), plan, departments.get(plan.region().code()));
        }
    }

    private long upsertRegion(PlanFiles.RegionFile region) {
        return upsert("SELECT id FROM region WHERE code = ?", List.of(region.code()),
                "UPDATE region SET name = ?, parent_code = ?, parent_name = ?, mail_from = ?, dashboard_url = ? WHERE id = ?",
                Arrays.asList(region.name(), blankToNull(region.parent()), null, blankToNull(region.mailFrom()), blankToNull(region.dashboardUrl())),
                "INSERT INTO region (name, parent_code, parent_name, mail_from, dashboard_url, code) VALUES (?, ?, ?, ?, ?, ?)");
    }

    private Map<String, Long> upsertDepartments(long region, List<DepartmentDefinition> departments) {
        // A renamed department keeps its code; park names first so a swap cannot collide.
        batch("UPDATE department SET name = CONCAT('~', code) WHERE region_id = ? AND name = ? AND code <> ?",
                departments.stream().map(d -> new Object[] {region, d.name(), d.code()}).toList());
        Map<Object, Long> byCode = upsertAll("SELECT code, id FROM department WHERE region_id = ?", region,
                "UPDATE department SET name = ?, email = ?, contact = ? WHERE id = ?",
                "INSERT INTO department (name, email, contact, region_id, code) VALUES (?, ?, ?, ?, ?)",
                departments.stream().map(d -> new Row(d.code(), Arrays.asList(d.name(), d.email(), d.contact()))).toList());
        Map<String, Long> idsByName = new HashMap<>();
        departments.forEach(d -> idsByName.put(d.name(), byCode.get(d.code())));
        return idsByName;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void storePlan(long region, PlanDefinition plan, Map<String, Long> departments) {
        long planId = upsert("SELECT id FROM plan WHERE code = ?", List.of(plan.code()),
                "UPDATE plan SET region_id = ?, name = ?, plan_year = ?, document = ?, published_on = ?, active_from = ?, active_until = ?, rules_folder = ?, source_file = ?, source_hash = ?, loaded_at = ? WHERE id = ?",
                Arrays.asList(region, plan.name(), plan.year(), plan.document(), plan.publishedOn(), plan.activeFrom(), plan.activeUntil(),
                        plan.rulesFolder(), plan.sourceFile(), plan.sourceHash(), Timestamp.from(clock.instant())),
                "INSERT INTO plan (region_id, name, plan_year, document, published_on, active_from, active_until, rules_folder, source_file, source_hash, loaded_at, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // shares and department links are written anew after every task and indicator is in place
        // by task id, each along its primary key: MariaDB runs a DELETE … WHERE task_id IN (SELECT …) as a scan of
        // the whole table, once per plan, which made 3,000 plans take hours
        List<Object[]> existingTasks = idsByKey("SELECT task_no, id FROM task WHERE plan_id = ?", planId).values().stream()
                .map(id -> new Object[] {id}).toList();
        batch("DELETE FROM task_shared_indicator WHERE task_id = ?", existingTasks);
        batch("DELETE FROM task_department WHERE task_id = ?", existingTasks);
        Map<Object, Long> sectionIds = upsertAll("SELECT section_no, id FROM plan_section WHERE plan_id = ?", planId,
                "UPDATE plan_section SET title = ? WHERE id = ?", "INSERT INTO plan_section (title, plan_id, section_no) VALUES (?, ?, ?)",
                plan.sections().stream().map(section -> new Row(section.number(), Arrays.asList(section.title()))).toList());
        List<Row> taskRows = new ArrayList<>();
        for (SectionDefinition section : plan.sections()) {
            for (TaskDefinition task : section.tasks()) {
                taskRows.add(new Row(task.number(), Arrays.asList(sectionIds.get(normal(section.number())), task.title(), task.text())));
            }
        }
        Map<Object, Long> taskIds = upsertAll("SELECT task_no, id FROM task WHERE plan_id = ?", planId,
                "UPDATE task SET section_id = ?, title = ?, body = ? WHERE id = ?", "INSERT INTO task (section_id, title, body, plan_id, task_no) VALUES (?, ?, ?, ?, ?)",
                taskRows);
        List<Object[]> links = new ArrayList<>();
        List<Row> indicatorRows = new ArrayList<>();
        for (TaskDefinition task : plan.tasks().toList()) {
            long taskId = taskIds.get(normal(task.number()));
            link(links, taskId, task.lead(), "LEAD", departments);
            link(links, taskId, task.co(), "CO", departments);
            int position = 0;
            for (IndicatorDefinition indicator : task.indicators()) {
                indicatorRows.add(new Row(indicator.code(), Arrays.asList(taskId, indicator.name(), indicator.unit(), indicator.kind().name(),
                        indicator.frequency().name(), position++)));
            }
        }
        batch("INSERT INTO task_department (task_id, department_id, role, position) VALUES (?, ?, ?, ?)", links);
        Map<Object, Long> indicatorIds = upsertAll("SELECT code, id FROM indicator WHERE plan_id = ?", planId,
                "UPDATE indicator SET task_id = ?, name = ?, unit = ?, kind = ?, frequency = ?, position = ? WHERE id = ?",
                "INSERT INTO indicator (task_id, name, unit, kind, frequency, position, plan_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                indicatorRows);
        List<Object[]> shares = new ArrayList<>();
        plan.tasks().forEach(task -> task.shared().forEach(shared -> shares.add(new Object[] {taskIds.get(normal(task.number())), planId, shared.code()})));
        batch("INSERT INTO task_shared_indicator (task_id, indicator_id) SELECT ?, id FROM indicator WHERE plan_id = ? AND code = ?", shares);
        removeDropped(plan, planId, kept(sectionIds, plan.sections().stream().map(SectionDefinition::number)), kept(taskIds, taskRows.stream().map(Row::key)),
                kept(indicatorIds, indicatorRows.stream().map(Row::key)));
    }

    private static void link(List<Object[]> links, long taskId, List<String> names, String role, Map<String, Long> departments) {
        for (int i = 0; i < names.size(); i++) {
            links.add(new Object[] {taskId, departments.get(names.get(i)), role, i});
        }
    }

    private void removeDropped(PlanDefinition plan, long planId, Set<Long> sections, Set<Long> tasks, Set<Long> indicators) {
        List<Map<String, Object>> dropped = jdbc.sql("SELECT id, code FROM indicator WHERE plan_id = ?").param(planId).query().listOfRows()
                .stream().filter(row -> !indicators.contains(((Number) row.get("id")).longValue())).toList();
        List<CatalogProblem> refused = new ArrayList<>();
        for (Map<String, Object> row : dropped) {
            long id = ((Number) row.get("id")).longValue();
            long used = usages.stream().mapToLong(usage -> usage.uses(id)).sum();
            if (used > 0) {
                refused.add(new CatalogProblem(plan.sourceFile(), 0, "indicators",
                        "指标 " + row.get("code") + " 已有上报数据或预警，不能从计划中删除"));
            } else {
                jdbc.sql("DELETE FROM indicator WHERE id = ?").param(id).update();
            }
        }
        if (!refused.isEmpty()) {
            throw new CatalogException(refused);
        }
        for (long task : ids("SELECT id FROM task WHERE plan_id = ?", planId)) {
            if (!tasks.contains(task)) {
                jdbc.sql("DELETE FROM task_department WHERE task_id = ?").param(task).update();
                jdbc.sql("DELETE FROM task WHERE id = ?").param(task).update();
            }
        }
        for (long section : ids("SELECT id FROM plan_section WHERE plan_id = ?", planId)) {
            if (!sections.contains(section)) {
                jdbc.sql("DELETE FROM plan_section WHERE id = ?").param(section).update();
            }
        }
    }

    private List<Long> ids(String sql, long planId) {
        return jdbc.sql(sql).param(planId).query(Long.class).list();
    }

    /** A row of a plan's child table: its key within the plan (number or code) and the values an update sets. */
    private record Row(Object key, List<?> values) {
    }

    /**
     * {@link #upsert} for all rows of one parent at once: one query finds the existing rows, one batch
     * updates them, one batch inserts the others (values, then parent id, then key), one query reads
     * the ids. A plan of 141 indicators costs four statements instead of 423, which is what lets
     * thousands of plans load in seconds rather than minutes.
     *
     * @return row ids by key
     */
    private Map<Object, Long> upsertAll(String existing, long parent, String update, String insert, List<Row> rows) {
        Map<Object, Long> ids = idsByKey(existing, parent);
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Row row : rows) {
            Long id = ids.get(normal(row.key()));
            List<Object> values = new ArrayList<>(row.values());
            if (id != null) {
                values.add(id);
                updates.add(values.toArray());
            } else {
                values.add(parent);
                values.add(row.key());
                inserts.add(values.toArray());
            }
        }
        batch(update, updates);
        batch(insert, inserts);
        return inserts.isEmpty() ? ids : idsByKey(existing, parent);
    }

    /** The ids of the rows the file still has; the others are dropped. */
    private static Set<Long> kept(Map<Object, Long> ids, java.util.stream.Stream<?> keys) {
        return keys.map(key -> ids.get(normal(key))).collect(java.util.stream.Collectors.toSet());
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(sql, rows);
        }
    }

    private Map<Object, Long> idsByKey(String sql, long parent) {
        Map<Object, Long> ids = new HashMap<>();
        jdbc.sql(sql).param(parent).query(rs -> {
            ids.put(normal(rs.getObject(1)), rs.getLong(2));
        });
        return ids;
    }

    /** Numbers come back from the database as Integer, Long or Short depending on the driver: keys compare as long. */
    private static Object normal(Object key) {
        return key instanceof Number number ? (Object) number.longValue() : key;
    }

    /**
     * Updates the row found by {@code keys} or inserts it. The insert takes the update's values
     * followed by the keys, so both statements share one list of values.
     */
    private long upsert(String select, List<?> keys, String update, List<?> values, String insert) {
        Optional<Long> id = jdbc.sql(select).params(keys).query(Long.class).optional();
        if (id.isPresent()) {
            List<Object> withId = new ArrayList<>(values);
            withId.add(id.get());
            jdbc.sql(update).params(withId).update();
            return id.get();
        }
        List<Object> all = new ArrayList<>(values);
        all.addAll(keys);
        jdbc.sql(insert).params(all).update();
        return jdbc.sql(select).params(keys).query(Long.class).single();
    }
}
