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
import org.duban.catalog.CatalogKeys;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Level;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * What the run decides is written in a few batches at the end ({@link WarningWrites}): a warning
 * found exactly as it was costs one id in one statement.
 * An incremental run ({@link EvaluationCompleted#partial()}) follows the same rules for the indicators
 * it judged and leaves every other warning as it is.
 */
@Component
class WarningReconciliation {

    static final String SYSTEM = "系统";

    /**
     * A warning as stored, with what a run compares to tell "found again as it was" from a change.
     *
     * @param pendingLevel the lower level an earlier day found, or empty
     * @param pendingClear an earlier day found no finding at all
     * @param pendingSince that earlier day; null when nothing waits for confirmation
     */
    private record Existing(long id, long indicatorId, long taskId, Level level, WarningStatus status, String cause, String causes, String rule,
                            String message, Optional<Level> pendingLevel, boolean pendingClear, LocalDate pendingSince) {

        boolean nothingPending() {
            return pendingLevel.isEmpty() && !pendingClear && pendingSince == null;
        }
    }

    private record IndicatorRef(long id, long taskId) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final WarningHistory history;
    private final CatalogKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WarningReconciliation(JdbcClient jdbc, JdbcTemplate jdbcTemplate, WarningHistory history, CatalogKeys keys, ApplicationEventPublisher events,
                          Clock clock) {
        this.jdbcTemplate = jdbcTemplate;
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
        Map<Long, Existing> existing = current(planId);
        WarningWrites writes = new WarningWrites(jdbcTemplate, run.runId(), Timestamp.from(clock.instant()));

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
                raise(writes, run, planId, indicator, assessment, rule);
            } else {
                follow(writes, run, row, indicator, assessment, rule);
            }
        }
        // the open warnings this run did not find: met, cleared, or remembered as cleared
        Set<String> met = run.met();
        // an incremental run judged only some indicators: silence about the others clears nothing
        Set<String> judged = run.partial() ? run.judged() : null;
        for (Existing row : existing.values()) {
            if (judged != null && !judged.contains(codes.get(row.indicatorId()))) {
                continue;
            }
            if (!found.contains(row.indicatorId()) && row.status() != WarningStatus.RESOLVED) {
                clear(writes, run, row, met.contains(codes.get(row.indicatorId())));
            }
        }
        writes.flush(history);
        events.publishEvent(writes.tally());
    }

    /** The current warning of each indicator of the plan: its open one, else its newest (older resolved ones are history). */
    private Map<Long, Existing> current(long planId) {
        Map<Long, Existing> existing = new HashMap<>();
        jdbc.sql("""
                SELECT id, indicator_id, task_id, warning_level, status, cause, causes, rule_name, message, pending_level, pending_clear,
                       pending_since
                FROM early_warning WHERE plan_id = ? ORDER BY id""")
                .param(planId)
                .query((rs, n) -> new Existing(rs.getLong("id"), rs.getLong("indicator_id"), rs.getLong("task_id"),
                        Level.valueOf(rs.getString("warning_level")), WarningStatus.valueOf(rs.getString("status")), rs.getString("cause"),
                        rs.getString("causes"), rs.getString("rule_name"), rs.getString("message"),
                        Optional.ofNullable(rs.getString("pending_level")).map(Level::valueOf), rs.getBoolean("pending_clear"),
                        rs.getDate("pending_since") == null ? null : rs.getDate("pending_since").toLocalDate()))
                .list()
                .forEach(row -> existing.merge(row.indicatorId(), row,
                        (older, newer) -> older.status() != WarningStatus.RESOLVED ? older : newer));
        return existing;
    }

    private void raise(WarningWrites writes, EvaluationCompleted run, long planId, IndicatorRef indicator, Assessment a, String rule) {
        writes.insert(new Object[] {planId, indicator.taskId(), indicator.id(), a.causes().get(0).name(), causes(a), a.level().name(),
                WarningStatus.OPEN.name(), cut(rule, 300), cut(a.message(), 1000), run.runId(), run.runId(), writes.now(), writes.now()},
                indicator.id(), step(0, run, WarningEvent.Kind.RAISED, null, a.level(), null, WarningStatus.OPEN, null, a));
    }

    private void follow(WarningWrites writes, EvaluationCompleted run, Existing row, IndicatorRef indicator, Assessment a, String rule) {
        Level level = a.level();
        if (row.status() == WarningStatus.RESOLVED) {
            update(writes, WarningWrites.REOPEN, row, indicator, level, WarningStatus.OPEN, rule, a, run);
            writes.step(step(row.id(), run, WarningEvent.Kind.REOPENED, row.level(), level, row.status(), WarningStatus.OPEN, "预警条件再次出现", a));
        } else if (level.above(row.level())) {
            update(writes, WarningWrites.UPDATE, row, indicator, level, WarningStatus.OPEN, rule, a, run);
            writes.step(step(row.id(), run, WarningEvent.Kind.ESCALATED, row.level(), level, row.status(), WarningStatus.OPEN, null, a));
        } else if (level == row.level()) {
            if (sameAsStored(row, indicator, rule, a)) {
                writes.unchanged(row.id());
            } else {
                update(writes, WarningWrites.UPDATE, row, indicator, level, row.status(), rule, a, run);
            }
        } else if (confirmedLower(row, run.asOf())) {
            update(writes, WarningWrites.UPDATE, row, indicator, level, row.status(), rule, a, run);
            writes.step(step(row.id(), run, WarningEvent.Kind.LOWERED, row.level(), level, row.status(), row.status(), null, a));
        } else {
            remember(writes, row, Optional.of(level), run);
        }
    }

    /** The same level found with the same task, causes, rule and message, and nothing waiting: the daily common case. */
    private static boolean sameAsStored(Existing row, IndicatorRef indicator, String rule, Assessment a) {
        return row.nothingPending() && row.taskId() == indicator.taskId() && a.causes().get(0).name().equals(row.cause())
                && causes(a).equals(row.causes()) && java.util.Objects.equals(cut(rule, 300), row.rule())
                && java.util.Objects.equals(cut(a.message(), 1000), row.message());
    }

    private void clear(WarningWrites writes, EvaluationCompleted run, Existing row, boolean met) {
        if (met || (row.pendingClear() && confirmedLower(row, run.asOf()))) {
            String reason = met ? "目标已完成" : "预警条件已消除";
            writes.write(WarningWrites.RESOLVE, WarningStatus.RESOLVED.name(), SYSTEM, writes.now(), reason, run.runId(), writes.now(), row.id());
            writes.step(new WarningHistory.Step(row.id(), run.runId(), WarningEvent.Kind.RESOLVED, row.level().name(), row.level().name(),
                    row.status().name(), WarningStatus.RESOLVED.name(), SYSTEM, reason, null, null));
        } else {
            remember(writes, row, Optional.empty(), run);
        }
    }

    /** A lower level found before, on an earlier as-of day, is now found again. */
    private static boolean confirmedLower(Existing row, LocalDate asOf) {
        return row.pendingSince() != null && asOf.isAfter(row.pendingSince());
    }

    /** An improvement to a lower level, or (empty) to none at all, waiting for a later day to confirm it. */
    private void remember(WarningWrites writes, Existing row, Optional<Level> lower, EvaluationCompleted run) {
        // the first day an improvement was seen is kept; later runs only update what it improved to
        boolean fresh = row.pendingSince() == null;
        if (!fresh && row.pendingLevel().equals(lower) && row.pendingClear() == lower.isEmpty()) {
            writes.stillPending(row.id());
            return;
        }
        writes.write(WarningWrites.REMEMBER, lower.map(Level::name).orElse(null), lower.isEmpty(),
                fresh ? java.sql.Date.valueOf(run.asOf()) : java.sql.Date.valueOf(row.pendingSince()), run.runId(), row.id());
    }

    private void update(WarningWrites writes, String sql, Existing row, IndicatorRef indicator, Level level, WarningStatus status, String rule,
                        Assessment a, EvaluationCompleted run) {
        writes.write(sql, indicator.taskId(), a.causes().get(0).name(), causes(a), level.name(), status.name(), cut(rule, 300),
                cut(a.message(), 1000), run.runId(), writes.now(), row.id());
    }

    private static WarningHistory.Step step(long id, EvaluationCompleted run, WarningEvent.Kind event, Level from, Level to,
                                            WarningStatus fromStatus, WarningStatus toStatus, String comment, Assessment a) {
        return new WarningHistory.Step(id, run.runId(), event, from == null ? null : from.name(), to.name(),
                fromStatus == null ? null : fromStatus.name(), toStatus.name(), SYSTEM, comment, cut(a.message(), 1000), causes(a));
    }

    private static String causes(Assessment a) {
        return String.join(",", a.causes().stream().map(Cause::name).toList());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
