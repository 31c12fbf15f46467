package org.duban.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.assessment.Assessment;
import org.duban.assessment.EvaluationCompleted;
import org.duban.assessment.WarningsTallied;
import org.duban.catalog.CatalogKeys;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Level;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the warnings in step with an evaluation, inside the evaluation's transaction. An indicator
 * has at most one open warning; its level is the highest of its findings and its message lists
 * each cause.
 * <ul>
 * <li>a warned indicator without an open warning raises one; one whose last warning was resolved reopens it;</li>
 * <li>a higher level escalates at once (and asks for a new acknowledgement);</li>
 * <li>a lower level, or no finding at all, is only remembered; it takes effect when a run on a
 *     later as-of day finds it again, so a one-day wobble changes nothing;</li>
 * <li>a warning whose indicator has met its target is resolved at once.</li>
 * </ul>
 * An incremental run ({@link EvaluationCompleted#partial()}) follows the same rules for the indicators
 * it judged and leaves every other warning as it is.
 */
@Component
class WarningReconciliation {

    static final String SYSTEM = "系统";

    /**
     * @param pendingLevel the lower level an earlier day found, or empty
     * @param pendingClear an earlier day found no finding at all
     * @param pendingSince that earlier day; null when nothing waits for confirmation
     */
    private record Existing(long id, long indicatorId, Level level, WarningStatus status, Optional<Level> pendingLevel, boolean pendingClear,
                            LocalDate pendingSince) {
    }

    private record IndicatorRef(long id, long taskId) {
    }

    private final JdbcClient jdbc;
    private final WarningHistory history;
    private final CatalogKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WarningReconciliation(JdbcClient jdbc, WarningHistory history, CatalogKeys keys, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.keys = keys;
        this.clock = clock;
        this.jdbc = jdbc;
        this.history = history;
    }

    @EventListener
    void on(EvaluationCompleted run) {
        long planId = keys.planId(run.planCode()).orElseThrow();
        Map<Integer, Long> tasks = keys.taskIds(run.planCode());
        Map<String, IndicatorRef> indicators = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        keys.indicators(run.planCode()).values().forEach(key -> {
            indicators.put(key.code(), new IndicatorRef(key.id(), tasks.get(key.task())));
            codes.put(key.id(), key.code());
        });
        // the current warning of an indicator: its open one, else its newest (older resolved ones are history)
        Map<Long, Existing> existing = new HashMap<>();
        jdbc.sql("""
                SELECT id, indicator_id, warning_level, status, pending_level, pending_clear, pending_since FROM early_warning
                WHERE plan_id = ? ORDER BY id""")
                .param(planId)
                .query((rs, n) -> new Existing(rs.getLong("id"), rs.getLong("indicator_id"), Level.valueOf(rs.getString("warning_level")),
                        WarningStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("pending_level")).map(Level::valueOf),
                        rs.getBoolean("pending_clear"),
                        rs.getDate("pending_since") == null ? null : rs.getDate("pending_since").toLocalDate()))
                .list()
                .forEach(row -> existing.merge(row.indicatorId(), row,
                        (older, newer) -> older.status() != WarningStatus.RESOLVED ? older : newer));

        Set<Long> found = new HashSet<>();
        for (Assessment assessment : run.assessments()) {
            IndicatorRef indicator = indicators.get(assessment.indicator());
            if (indicator == null || !assessment.warned()) {
                continue;
            }
            found.add(indicator.id());
            Existing row = existing.get(indicator.id());
            String rule = run.rulesOf(assessment.indicator());
            if (row == null) {
                raise(run, planId, indicator, assessment, rule);
            } else {
                follow(run, row, indicator, assessment, rule);
            }
        }
        // an incremental run judged only some indicators: silence about the others clears nothing
        Set<String> judged = run.partial() ? run.judged() : null;
        for (Existing row : existing.values()) {
            if (judged != null && !judged.contains(codes.get(row.indicatorId()))) {
                continue;
            }
            if (!found.contains(row.indicatorId()) && row.status() != WarningStatus.RESOLVED) {
                clear(run, row, run.met().contains(codes.get(row.indicatorId())));
            }
        }
        events.publishEvent(tally(run.runId()));
    }

    private WarningsTallied tally(long runId) {
        int open = jdbc.sql("SELECT COUNT(*) FROM early_warning WHERE last_run_id = ? AND status <> 'RESOLVED'").param(runId).query(Integer.class).single();
        int raised = jdbc.sql("SELECT COUNT(*) FROM warning_event WHERE run_id = ? AND event IN ('RAISED', 'REOPENED')").param(runId)
                .query(Integer.class).single();
        int resolved = jdbc.sql("SELECT COUNT(*) FROM warning_event WHERE run_id = ? AND event = 'RESOLVED'").param(runId).query(Integer.class).single();
        return new WarningsTallied(runId, open, raised, resolved);
    }

    private void raise(EvaluationCompleted run, long planId, IndicatorRef indicator, Assessment a, String rule) {
        Timestamp now = now();
        jdbc.sql("""
                INSERT INTO early_warning (plan_id, task_id, indicator_id, cause, causes, warning_level, status, rule_name, message,
                                           first_run_id, last_run_id, raised_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, indicator.taskId(), indicator.id(), a.causes().get(0).name(), causes(a), a.level().name(),
                        WarningStatus.OPEN.name(), cut(rule, 300), cut(a.message(), 1000), run.runId(), run.runId(), now, now)
                .update();
        long id = jdbc.sql("SELECT MAX(id) FROM early_warning WHERE indicator_id = ?").param(indicator.id()).query(Long.class).single();
        step(id, run, WarningEvent.Kind.RAISED, null, a.level(), null, WarningStatus.OPEN, null, a);
    }

    private void follow(EvaluationCompleted run, Existing row, IndicatorRef indicator, Assessment a, String rule) {
        Level level = a.level();
        if (row.status() == WarningStatus.RESOLVED) {
            update(row, indicator, level, WarningStatus.OPEN, rule, a, run);
            jdbc.sql("UPDATE early_warning SET resolved_by = NULL, resolved_at = NULL, resolution_comment = NULL WHERE id = ?").param(row.id()).update();
            step(row.id(), run, WarningEvent.Kind.REOPENED, row.level(), level, row.status(), WarningStatus.OPEN, "预警条件再次出现", a);
        } else if (level.above(row.level())) {
            update(row, indicator, level, WarningStatus.OPEN, rule, a, run);
            step(row.id(), run, WarningEvent.Kind.ESCALATED, row.level(), level, row.status(), WarningStatus.OPEN, null, a);
        } else if (level == row.level()) {
            update(row, indicator, level, row.status(), rule, a, run);
        } else if (confirmedLower(row, run.asOf())) {
            update(row, indicator, level, row.status(), rule, a, run);
            step(row.id(), run, WarningEvent.Kind.LOWERED, row.level(), level, row.status(), row.status(), null, a);
        } else {
            remember(row, Optional.of(level), run);
        }
    }

    private void clear(EvaluationCompleted run, Existing row, boolean met) {
        if (met || (row.pendingClear() && confirmedLower(row, run.asOf()))) {
            String reason = met ? "目标已完成" : "预警条件已消除";
            jdbc.sql("""
                    UPDATE early_warning SET status = ?, resolved_by = ?, resolved_at = ?, resolution_comment = ?, last_run_id = ?,
                        updated_at = ?, pending_level = NULL, pending_clear = FALSE, pending_since = NULL WHERE id = ?""")
                    .params(WarningStatus.RESOLVED.name(), SYSTEM, now(), reason, run.runId(), now(), row.id())
                    .update();
            history.record(new WarningHistory.Step(row.id(), run.runId(), WarningEvent.Kind.RESOLVED, row.level().name(), row.level().name(),
                    row.status().name(), WarningStatus.RESOLVED.name(), SYSTEM, reason, null, null));
        } else {
            remember(row, Optional.empty(), run);
        }
    }

    /** A lower level found before, on an earlier as-of day, is now found again. */
    private static boolean confirmedLower(Existing row, LocalDate asOf) {
        return row.pendingSince() != null && asOf.isAfter(row.pendingSince());
    }

    /** An improvement to a lower level, or (empty) to none at all, waiting for a later day to confirm it. */
    private void remember(Existing row, Optional<Level> lower, EvaluationCompleted run) {
        // the first day an improvement was seen is kept; later runs only update what it improved to
        boolean fresh = row.pendingSince() == null;
        jdbc.sql("UPDATE early_warning SET pending_level = ?, pending_clear = ?, pending_since = ?, last_run_id = ? WHERE id = ?")
                .params(lower.map(Level::name).orElse(null), lower.isEmpty(), fresh ? run.asOf() : row.pendingSince(), run.runId(), row.id())
                .update();
    }

    private void update(Existing row, IndicatorRef indicator, Level level, WarningStatus status, String rule, Assessment a,
                        EvaluationCompleted run) {
        jdbc.sql("""
                UPDATE early_warning SET task_id = ?, cause = ?, causes = ?, warning_level = ?, status = ?, rule_name = ?, message = ?,
                    last_run_id = ?, updated_at = ?, pending_level = NULL, pending_clear = FALSE, pending_since = NULL WHERE id = ?""")
                .params(indicator.taskId(), a.causes().get(0).name(), causes(a), level.name(), status.name(), cut(rule, 300),
                        cut(a.message(), 1000), run.runId(), now(), row.id())
                .update();
    }

    private void step(long id, EvaluationCompleted run, WarningEvent.Kind event, Level from, Level to, WarningStatus fromStatus,
                      WarningStatus toStatus, String comment, Assessment a) {
        history.record(new WarningHistory.Step(id, run.runId(), event, from == null ? null : from.name(), to.name(),
                fromStatus == null ? null : fromStatus.name(), toStatus.name(), SYSTEM, comment, cut(a.message(), 1000), causes(a)));
    }

    private static String causes(Assessment a) {
        return String.join(",", a.causes().stream().map(Cause::name).toList());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
