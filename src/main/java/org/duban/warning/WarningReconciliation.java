package org.duban.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.duban.assessment.EvaluationCompleted;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Level;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the warnings in step with an evaluation's findings, inside the evaluation's transaction:
 * <ul>
 * <li>a new finding raises a warning; a finding on a resolved warning reopens it;</li>
 * <li>a higher level escalates at once (and asks for a new acknowledgement);</li>
 * <li>a lower level, or no finding at all, is only remembered; it takes effect when a run on a
 *     later as-of day finds it again, so a one-day wobble changes nothing;</li>
 * <li>a warning whose indicator has met its target is resolved at once.</li>
 * </ul>
 */
@Component
class WarningReconciliation {

    static final String CLEARED = "NONE";
    static final String SYSTEM = "系统";

    private record Existing(long id, long indicatorId, String cause, Level level, WarningStatus status, String pendingLevel,
                            LocalDate pendingSince) {
    }

    private record IndicatorRef(long id, long taskId) {
    }

    private final JdbcClient jdbc;
    private final WarningHistory history;
    private final Clock clock;

    WarningReconciliation(JdbcClient jdbc, WarningHistory history, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.history = history;
    }

    @EventListener
    void on(EvaluationCompleted run) {
        long planId = jdbc.sql("SELECT id FROM plan WHERE code = ?").param(run.planCode()).query(Long.class).single();
        Map<String, IndicatorRef> indicators = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        jdbc.sql("SELECT id, code, task_id FROM indicator WHERE plan_id = ?").param(planId)
                .query((rs, n) -> {
                    indicators.put(rs.getString("code"), new IndicatorRef(rs.getLong("id"), rs.getLong("task_id")));
                    codes.put(rs.getLong("id"), rs.getString("code"));
                    return null;
                }).list();
        Map<String, Existing> existing = new HashMap<>();
        jdbc.sql("SELECT id, indicator_id, cause, warning_level, status, pending_level, pending_since FROM early_warning WHERE plan_id = ?")
                .param(planId)
                .query((rs, n) -> new Existing(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("cause"),
                        Level.valueOf(rs.getString("warning_level")), WarningStatus.valueOf(rs.getString("status")),
                        rs.getString("pending_level"), rs.getDate("pending_since") == null ? null : rs.getDate("pending_since").toLocalDate()))
                .list()
                .forEach(row -> existing.put(row.indicatorId() + "/" + row.cause(), row));

        Set<String> found = new HashSet<>();
        for (Finding finding : run.findings()) {
            IndicatorRef indicator = indicators.get(finding.indicator());
            if (indicator == null) {
                continue;
            }
            String key = indicator.id() + "/" + finding.cause().name();
            found.add(key);
            String rule = run.rules().getOrDefault(finding, "");
            Existing row = existing.get(key);
            if (row == null) {
                raise(run, planId, indicator, finding, rule);
            } else {
                follow(run, row, finding, rule);
            }
        }
        for (Map.Entry<String, Existing> entry : existing.entrySet()) {
            Existing row = entry.getValue();
            if (!found.contains(entry.getKey()) && row.status() != WarningStatus.RESOLVED) {
                clear(run, row, run.met().contains(codes.get(row.indicatorId())));
            }
        }
    }

    private void raise(EvaluationCompleted run, long planId, IndicatorRef indicator, Finding finding, String rule) {
        Timestamp now = now();
        jdbc.sql("""
                INSERT INTO early_warning (plan_id, task_id, indicator_id, cause, warning_level, status, rule_name, message,
                                           first_run_id, last_run_id, raised_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, indicator.taskId(), indicator.id(), finding.cause().name(), finding.level().name(),
                        WarningStatus.OPEN.name(), rule, finding.message(), run.runId(), run.runId(), now, now)
                .update();
        long id = jdbc.sql("SELECT id FROM early_warning WHERE indicator_id = ? AND cause = ?")
                .params(indicator.id(), finding.cause().name()).query(Long.class).single();
        history.record(id, run.runId(), "RAISED", null, finding.level().name(), null, WarningStatus.OPEN.name(), SYSTEM, null, finding.message());
    }

    private void follow(EvaluationCompleted run, Existing row, Finding finding, String rule) {
        Level level = finding.level();
        if (row.status() == WarningStatus.RESOLVED) {
            update(row, level, WarningStatus.OPEN, rule, finding, run);
            jdbc.sql("UPDATE early_warning SET resolved_by = NULL, resolved_at = NULL, resolution_comment = NULL WHERE id = ?").param(row.id()).update();
            history.record(row.id(), run.runId(), "REOPENED", row.level().name(), level.name(), row.status().name(), WarningStatus.OPEN.name(), SYSTEM, "预警条件再次出现", finding.message());
        } else if (level.above(row.level())) {
            update(row, level, WarningStatus.OPEN, rule, finding, run);
            history.record(row.id(), run.runId(), "ESCALATED", row.level().name(), level.name(), row.status().name(), WarningStatus.OPEN.name(), SYSTEM, null, finding.message());
        } else if (level == row.level()) {
            update(row, level, row.status(), rule, finding, run);
        } else if (confirmedLower(row, run.asOf())) {
            update(row, level, row.status(), rule, finding, run);
            history.record(row.id(), run.runId(), "LOWERED", row.level().name(), level.name(), row.status().name(), row.status().name(), SYSTEM, null, finding.message());
        } else {
            remember(row, level.name(), run);
        }
    }

    private void clear(EvaluationCompleted run, Existing row, boolean met) {
        if (met || (CLEARED.equals(row.pendingLevel()) && confirmedLower(row, run.asOf()))) {
            jdbc.sql("""
                    UPDATE early_warning SET status = ?, resolved_by = ?, resolved_at = ?, resolution_comment = ?, last_run_id = ?,
                        updated_at = ?, pending_level = NULL, pending_since = NULL WHERE id = ?""")
                    .params(WarningStatus.RESOLVED.name(), SYSTEM, now(), met ? "目标已完成" : "预警条件已消除", run.runId(), now(), row.id())
                    .update();
            history.record(row.id(), run.runId(), "RESOLVED", row.level().name(), row.level().name(), row.status().name(),
                    WarningStatus.RESOLVED.name(), SYSTEM, met ? "目标已完成" : "预警条件已消除", null);
        } else {
            remember(row, CLEARED, run);
        }
    }

    /** A lower level found before, on an earlier as-of day, is now found again. */
    private static boolean confirmedLower(Existing row, LocalDate asOf) {
        return row.pendingLevel() != null && row.pendingSince() != null && asOf.isAfter(row.pendingSince());
    }

    private void remember(Existing row, String lower, EvaluationCompleted run) {
        // the first day an improvement was seen is kept; later runs only update what it improved to
        boolean fresh = row.pendingLevel() == null;
        jdbc.sql("UPDATE early_warning SET pending_level = ?, pending_since = ?, last_run_id = ? WHERE id = ?")
                .params(lower, fresh ? run.asOf() : row.pendingSince(), run.runId(), row.id())
                .update();
    }

    private void update(Existing row, Level level, WarningStatus status, String rule, Finding finding, EvaluationCompleted run) {
        jdbc.sql("""
                UPDATE early_warning SET warning_level = ?, status = ?, rule_name = ?, message = ?, last_run_id = ?, updated_at = ?,
                    pending_level = NULL, pending_since = NULL WHERE id = ?""")
                .params(level.name(), status.name(), rule, finding.message(), run.runId(), now(), row.id())
                .update();
    }


    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

}
