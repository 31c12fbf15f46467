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

import org.duban.catalog.PlanDefinition.IndicatorDefinition;
import org.duban.catalog.PlanDefinition.SectionDefinition;
import org.duban.catalog.PlanDefinition.TaskDefinition;
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
    private final Clock clock;
    private final List<IndicatorUsage> usages;

    CatalogStore(JdbcClient jdbc, Clock clock, List<IndicatorUsage> usages) {
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
        Map<String, Long> idsByName = new HashMap<>();
        for (DepartmentDefinition department : departments) {
            // A renamed department keeps its code; park names first so a swap cannot collide.
            jdbc.sql("UPDATE department SET name = CONCAT('~', code) WHERE region_id = ? AND name = ? AND code <> ?")
                    .params(region, department.name(), department.code()).update();
            long id = upsert("SELECT id FROM department WHERE region_id = ? AND code = ?", List.of(region, department.code()),
                    "UPDATE department SET name = ?, email = ?, contact = ? WHERE id = ?",
                    List.of(department.name(), department.email(), department.contact()),
                    "INSERT INTO department (name, email, contact, region_id, code) VALUES (?, ?, ?, ?, ?)");
            idsByName.put(department.name(), id);
        }
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
        // shares are written anew after every task and indicator is in place
        jdbc.sql("DELETE FROM task_shared_indicator WHERE task_id IN (SELECT id FROM task WHERE plan_id = ?)").param(planId).update();
        Map<Integer, Long> taskIds = new java.util.HashMap<>();
        List<Long> keptTasks = new ArrayList<>();
        List<Long> keptIndicators = new ArrayList<>();
        List<Long> keptSections = new ArrayList<>();
        for (SectionDefinition section : plan.sections()) {
            long sectionId = upsert("SELECT id FROM plan_section WHERE plan_id = ? AND section_no = ?", List.of(planId, section.number()),
                    "UPDATE plan_section SET title = ? WHERE id = ?", List.of(section.title()),
                    "INSERT INTO plan_section (title, plan_id, section_no) VALUES (?, ?, ?)");
            keptSections.add(sectionId);
            for (TaskDefinition task : section.tasks()) {
                long taskId = upsert("SELECT id FROM task WHERE plan_id = ? AND task_no = ?", List.of(planId, task.number()),
                        "UPDATE task SET section_id = ?, title = ?, body = ? WHERE id = ?", List.of(sectionId, task.title(), task.text()),
                        "INSERT INTO task (section_id, title, body, plan_id, task_no) VALUES (?, ?, ?, ?, ?)");
                keptTasks.add(taskId);
                taskIds.put(task.number(), taskId);
                storeDepartments(taskId, task, departments);
                int position = 0;
                for (IndicatorDefinition indicator : task.indicators()) {
                    keptIndicators.add(upsert("SELECT id FROM indicator WHERE plan_id = ? AND code = ?", List.of(planId, indicator.code()),
                            "UPDATE indicator SET task_id = ?, name = ?, unit = ?, kind = ?, frequency = ?, position = ? WHERE id = ?",
                            List.of(taskId, indicator.name(), indicator.unit(), indicator.kind().name(), indicator.frequency().name(), position++),
                            "INSERT INTO indicator (task_id, name, unit, kind, frequency, position, plan_id, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
                }
            }
        }
        plan.tasks().forEach(task -> task.shared().forEach(shared -> jdbc.sql("""
                INSERT INTO task_shared_indicator (task_id, indicator_id)
                SELECT ?, id FROM indicator WHERE plan_id = ? AND code = ?""").params(taskIds.get(task.number()), planId, shared.code()).update()));
        removeDropped(plan, planId, keptSections, keptTasks, keptIndicators);
    }

    private void storeDepartments(long taskId, TaskDefinition task, Map<String, Long> departments) {
        jdbc.sql("DELETE FROM task_department WHERE task_id = ?").param(taskId).update();
        link(taskId, task.lead(), "LEAD", departments);
        link(taskId, task.co(), "CO", departments);
    }

    private void link(long taskId, List<String> names, String role, Map<String, Long> departments) {
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("INSERT INTO task_department (task_id, department_id, role, position) VALUES (?, ?, ?, ?)")
                    .params(taskId, departments.get(names.get(i)), role, i).update();
        }
    }

    private void removeDropped(PlanDefinition plan, long planId, List<Long> sections, List<Long> tasks, List<Long> indicators) {
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
