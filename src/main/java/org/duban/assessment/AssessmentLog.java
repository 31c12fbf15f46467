package org.duban.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.catalog.CatalogKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every run's judgement of every indicator, to answer "why is this indicator red — or why not?". */
@Repository
public class AssessmentLog {

    /** A stored assessment with its run. Levels are BLUE…RED, or null for a quiet indicator. */
    public record Entry(long runId, String plan, LocalDate asOf, int task, String indicator, LocalDate judgedAt, String actual, String target,
                        BigDecimal timeProgress, BigDecimal completion, BigDecimal lag, BigDecimal projected, int missedPeriods,
                        boolean met, String level, List<String> causes, List<String> firedRules, String explanation) {
    }

    private static final String SEPARATOR = "；";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final CatalogKeys keys;

    AssessmentLog(JdbcTemplate jdbcTemplate, JdbcClient jdbc, CatalogKeys keys) {
        this.keys = keys;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    void record(long runId, List<Assessment> assessments) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO assessment (run_id, task_no, indicator_code, judged_at, actual, target, time_progress, completion,
                                        lag_points, projected, missed_periods, met, warning_level, causes, fired_rules, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", assessments, 500, (ps, a) -> {
            ps.setLong(1, runId);
            ps.setInt(2, a.task());
            ps.setString(3, a.indicator());
            ps.setObject(4, a.judgedAt());
            ps.setString(5, cut(a.actual(), 100));
            ps.setString(6, cut(a.target(), 200));
            ps.setBigDecimal(7, BigDecimal.valueOf(a.timeProgress()).setScale(2, RoundingMode.HALF_UP));
            ps.setBigDecimal(8, a.completion() == null ? null : decimal(a.completion(), 2));
            ps.setBigDecimal(9, a.lag() == null ? null : decimal(a.lag(), 2));
            ps.setBigDecimal(10, a.projected() == null ? null : decimal(a.projected(), 4));
            ps.setInt(11, a.missedPeriods());
            ps.setBoolean(12, a.met());
            ps.setString(13, a.level() == null ? null : a.level().name());
            ps.setString(14, a.causes().isEmpty() ? null : String.join(",", a.causes().stream().map(Enum::name).toList()));
            ps.setString(15, cut(String.join(SEPARATOR, a.firedRules()), 2000));
            ps.setString(16, cut(a.explanation(), 2000));
        });
    }

    /**
     * The assessments of one run, filtered by task and indicator; without {@code runId}, each
     * indicator's current judgement: its newest since the plan's latest successful full run (that run's,
     * or a later incremental run's), in the full run's order. Without {@code plan}, of the plan that ran last.
     */
    public List<Entry> find(Optional<Long> runId, Optional<String> plan, Optional<Integer> task, Optional<String> indicator) {
        StringBuilder sql = new StringBuilder("SELECT a.*, r.as_of, r.plan_id FROM assessment a JOIN evaluation_run r ON r.id = a.run_id WHERE ");
        List<Object> params = new ArrayList<>();
        if (runId.isPresent()) {
            sql.append("a.run_id = ?");
            params.add(runId.get());
        } else {
            Optional<Current> current = current(plan);
            if (current.isEmpty()) {
                return List.of();
            }
            sql.append("r.plan_id = ? AND r.outcome = 'SUCCEEDED' AND r.id >= ?");
            params.add(current.get().planId());
            params.add(current.get().fromRun());
        }
        task.ifPresent(t -> {
            sql.append(" AND a.task_no = ?");
            params.add(t);
        });
        indicator.ifPresent(i -> {
            sql.append(" AND a.indicator_code = ?");
            params.add(i);
        });
        Map<Long, String> plans = keys.planCodes();
        List<Entry> entries = jdbc.sql(sql + " ORDER BY a.run_id, a.id").params(params).query((rs, n) -> new Entry(rs.getLong("run_id"), plans.get(rs.getLong("plan_id")),
                rs.getDate("as_of").toLocalDate(), rs.getInt("task_no"), rs.getString("indicator_code"),
                rs.getDate("judged_at") == null ? null : rs.getDate("judged_at").toLocalDate(), rs.getString("actual"), rs.getString("target"),
                rs.getBigDecimal("time_progress"), rs.getBigDecimal("completion"), rs.getBigDecimal("lag_points"), rs.getBigDecimal("projected"),
                rs.getInt("missed_periods"), rs.getBoolean("met"), rs.getString("warning_level"), list(rs.getString("causes"), ","),
                list(rs.getString("fired_rules"), SEPARATOR), rs.getString("explanation"))).list();
        if (runId.isPresent()) {
            return entries;
        }
        // a later run's judgement replaces the earlier one in place, so the full run's order stays
        Map<String, Entry> newest = new LinkedHashMap<>();
        entries.forEach(entry -> newest.put(entry.indicator(), entry));
        return List.copyOf(newest.values());
    }

    /** A plan's current judgements are in its runs from {@code fromRun} on (its latest full run; 0 when it had none). */
    private record Current(long planId, long fromRun) {
    }

    private Optional<Current> current(Optional<String> plan) {
        Optional<Long> planId = plan.isPresent() ? plan.flatMap(keys::planId)
                : jdbc.sql("SELECT plan_id FROM evaluation_run WHERE outcome = 'SUCCEEDED' ORDER BY id DESC LIMIT 1").query(Long.class).optional();
        if (planId.isEmpty()) {
            return Optional.empty();
        }
        // MAX over no runs is one row holding NULL
        long full = jdbc.sql("SELECT MAX(id) FROM evaluation_run WHERE plan_id = ? AND outcome = 'SUCCEEDED' AND kind = 'FULL'")
                .param(planId.get()).query((rs, n) -> rs.getObject(1, Long.class)).list().stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(0L);
        return Optional.of(new Current(planId.get(), full));
    }

    private static List<String> list(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }

    /** Null where a number is too large for its column (a projection of a wild series), rather than failing the run. */
    private static BigDecimal decimal(double value, int scale) {
        return Double.isFinite(value) && Math.abs(value) < 1e9 ? BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP) : null;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
