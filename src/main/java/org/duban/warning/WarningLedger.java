package org.duban.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Department;
import org.duban.catalog.Indicator;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The warning rows as people read them: each with its plan, task, indicator and departments as the
 * catalog says today (an indicator that moved task shows its new task), and with the departments of
 * every task that shares its indicator. Reads only {@code early_warning}; the rest comes from the catalog's API.
 */
@Component
class WarningLedger {

    private static final String SELECT = """
            SELECT id, indicator_id, cause, causes, warning_level, status, rule_name, message, raised_at, updated_at, last_run_id,
                   acknowledged_by, acknowledged_at, explanation, promised_date, resolved_by, resolved_at, resolution_comment
            FROM early_warning""";

    /** A warning and who it concerns, by code and by name, for filtering; {@code region} is its plan's. */
    record Entry(Warning warning, List<Integer> tasks, List<String> departments, String region) {

        boolean concerns(String department) {
            return departments.contains(department);
        }

        /** Whether the viewer may see it: the office every warning, a department those of its region's plans that concern it. */
        boolean visibleTo(Viewer viewer) {
            return viewer.departmentCode().isEmpty()
                    || (viewer.region().map(region::equals).orElse(false) && concerns(viewer.departmentCode().get()));
        }
    }

    /** Up to this many plans are narrowed in SQL; more read everything, as one query is then cheaper than many. */
    private static final int NARROWED_PLANS = 20;

    private final JdbcClient jdbc;
    private final CatalogKeys keys;
    private final PlanCatalog catalog;

    WarningLedger(JdbcClient jdbc, CatalogKeys keys, PlanCatalog catalog) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.catalog = catalog;
    }

    /** Rows matching {@code where} (over early_warning's own columns), with their catalog context, in task and indicator order. */
    List<Entry> read(String where, List<Object> params) {
        return read(where, params, Optional.empty());
    }

    /**
     * As {@link #read(String, List)}, reading only the warnings of {@code plans} when given. A few plans
     * (a department's region, one plan asked for) are narrowed in SQL, with only their indicators'
     * keys: with thousands of plans loaded, reading every warning and every indicator to show one
     * department its own made each request cost about a second.
     */
    List<Entry> read(String where, List<Object> params, Optional<java.util.Set<String>> plans) {
        if (plans.isPresent() && plans.get().isEmpty()) {
            return List.of();
        }
        boolean narrow = plans.isPresent() && plans.get().size() <= NARROWED_PLANS;
        Map<Long, CatalogKeys.IndicatorKey> narrowed = new HashMap<>();
        List<Object> allParams = new ArrayList<>(params);
        String sql = SELECT + where;
        if (narrow) {
            List<Long> ids = new ArrayList<>();
            for (String code : plans.get()) {
                keys.planId(code).ifPresent(ids::add);
                keys.indicators(code).values().forEach(key -> narrowed.put(key.id(), key));
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            sql += " AND plan_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")";
            allParams.addAll(ids);
        }
        List<Row> rows = jdbc.sql(sql).params(allParams).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, CatalogKeys.IndicatorKey> indicators = narrow ? narrowed : keys.indicatorsById();
        Map<String, List<Task>> tasksByPlan = new HashMap<>();
        Map<String, String> regions = new HashMap<>();
        (narrow ? plans.get().stream().flatMap(code -> catalog.plan(Optional.of(code)).stream()).toList() : catalog.plans())
                .forEach(plan -> regions.put(plan.code(), plan.regionCode()));
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            CatalogKeys.IndicatorKey key = indicators.get(row.indicatorId());
            if (key == null) {
                continue;
            }
            List<Task> tasks = tasksByPlan.computeIfAbsent(key.plan(), catalog::tasks);
            entries.add(entry(row, key, tasks, regions.getOrDefault(key.plan(), "")));
        }
        entries.sort(Comparator.comparing((Entry e) -> e.warning().task()).thenComparing(e -> e.warning().indicator())
                .thenComparing(e -> e.warning().id()));
        return entries;
    }

    /**
     * The plans the filter covers ({@link PlanCatalog#planCodes}), empty meaning every plan; refuses
     * an unknown plan or region, and a task number without its plan when there are several plans.
     */
    Optional<java.util.Set<String>> plans(Warnings.Filter filter) {
        Optional<java.util.Set<String>> covered;
        try {
            covered = catalog.planCodes(filter.plan(), filter.region());
        } catch (IllegalArgumentException unknown) {
            throw new WarningProblem(WarningProblem.Kind.INVALID, unknown.getMessage());
        }
        List<org.duban.catalog.Plan> plans = filter.task().isPresent() && filter.plan().isEmpty() ? catalog.plans() : List.of();
        if (plans.size() > 1) {
            throw new WarningProblem(WarningProblem.Kind.INVALID, "任务序号在各计划中各自编号，有 " + plans.size() + " 个计划（"
                    + String.join("、", plans.stream().map(org.duban.catalog.Plan::code).toList()) + "），请同时用 plan= 指明计划");
        }
        return covered;
    }

    /**
     * The plans a viewer may see warnings of, within {@code covered}: a department only its own
     * region's (the office: {@code covered} as it is).
     */
    Optional<java.util.Set<String>> visible(Optional<java.util.Set<String>> covered, Viewer viewer) {
        if (viewer.departmentCode().isEmpty() || viewer.region().isEmpty()) {
            return covered;
        }
        java.util.Set<String> own = new java.util.HashSet<>();
        catalog.plansOf(viewer.region().get()).forEach(plan -> own.add(plan.code()));
        covered.ifPresent(own::retainAll);
        return Optional.of(own);
    }

    private static Entry entry(Row row, CatalogKeys.IndicatorKey key, List<Task> tasks, String region) {
        // the indicator's own task first, then every task sharing it
        List<Task> measuring = tasks.stream().filter(t -> t.measuredBy(key.code()))
                .sorted(Comparator.comparing((Task t) -> t.number() != key.task())).toList();
        Task own = measuring.stream().filter(t -> t.number() == key.task()).findFirst().orElseThrow();
        String name = own.indicators().stream().filter(i -> i.code().equals(key.code())).map(Indicator::name).findFirst().orElse(key.code());
        List<Department> leads = measuring.stream().flatMap(t -> t.leadDepartments().stream()).distinct().toList();
        List<Department> cos = measuring.stream().flatMap(t -> t.coDepartments().stream()).distinct().filter(d -> !leads.contains(d)).toList();
        Warning warning = new Warning(row.id(), key.plan(), own.number(), own.title(), key.code(), name, row.causes(), row.level(), row.status(),
                row.rule(), row.message(), leads.stream().map(Department::name).toList(), cos.stream().map(Department::name).toList(),
                row.raisedAt(), row.updatedAt(), row.lastRunId(), row.acknowledgedBy(), row.acknowledgedAt(), row.explanation(),
                row.promisedDate(), row.resolvedBy(), row.resolvedAt(), row.resolutionComment());
        List<String> departments = Stream.concat(leads.stream(), cos.stream()).flatMap(d -> Stream.of(d.code(), d.name())).toList();
        return new Entry(warning, measuring.stream().map(Task::number).toList(), departments, region);
    }

    private record Row(long id, long indicatorId, List<Cause> causes, Level level, WarningStatus status, String rule, String message,
                       Instant raisedAt, Instant updatedAt, long lastRunId, String acknowledgedBy, Instant acknowledgedAt,
                       String explanation, LocalDate promisedDate, String resolvedBy, Instant resolvedAt, String resolutionComment) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("indicator_id"), causes(rs.getString("causes"), rs.getString("cause")),
                Level.valueOf(rs.getString("warning_level")), WarningStatus.valueOf(rs.getString("status")), rs.getString("rule_name"),
                rs.getString("message"), instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("updated_at")), rs.getLong("last_run_id"),
                rs.getString("acknowledged_by"), instant(rs.getTimestamp("acknowledged_at")), rs.getString("explanation"),
                Optional.ofNullable(rs.getDate("promised_date")).map(java.sql.Date::toLocalDate).orElse(null), rs.getString("resolved_by"),
                instant(rs.getTimestamp("resolved_at")), rs.getString("resolution_comment"));
    }

    /** Warnings written before causes were listed carry only their one cause. */
    private static List<Cause> causes(String causes, String cause) {
        String joined = causes == null || causes.isBlank() ? cause : causes;
        return Arrays.stream(joined.split(",")).map(String::strip).map(Cause::valueOf).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
