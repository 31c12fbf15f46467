package org.duban.warning;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duban.assessment.WarningsTallied;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes one run makes to {@code early_warning} and {@code warning_event}, gathered and sent as
 * a few batches when the run's reconciliation is decided, instead of one statement per indicator:
 * at national scale a run judges ~420,000 indicators, most of whose warnings did not change. A
 * warning that did not change costs one id in one {@code UPDATE … WHERE id IN (…)}.
 */
final class WarningWrites {

    /** Ids per {@code IN (…)} list: far below any database's limit on parameters. */
    private static final int IN_CHUNK = 1000;

    static final String INSERT = """
            INSERT INTO early_warning (plan_id, task_id, indicator_id, cause, causes, warning_level, status, rule_name, message,
                                       first_run_id, last_run_id, raised_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String UPDATE = """
            UPDATE early_warning SET task_id = ?, cause = ?, causes = ?, warning_level = ?, status = ?, rule_name = ?, message = ?,
                last_run_id = ?, updated_at = ?, pending_level = NULL, pending_clear = FALSE, pending_since = NULL WHERE id = ?""";
    static final String REOPEN = """
            UPDATE early_warning SET task_id = ?, cause = ?, causes = ?, warning_level = ?, status = ?, rule_name = ?, message = ?,
                last_run_id = ?, updated_at = ?, pending_level = NULL, pending_clear = FALSE, pending_since = NULL,
                resolved_by = NULL, resolved_at = NULL, resolution_comment = NULL WHERE id = ?""";
    static final String RESOLVE = """
            UPDATE early_warning SET status = ?, resolved_by = ?, resolved_at = ?, resolution_comment = ?, last_run_id = ?,
                updated_at = ?, pending_level = NULL, pending_clear = FALSE, pending_since = NULL WHERE id = ?""";
    static final String REMEMBER = "UPDATE early_warning SET pending_level = ?, pending_clear = ?, pending_since = ?, last_run_id = ? WHERE id = ?";

    private final JdbcTemplate jdbc;
    private final long runId;
    private final Timestamp now;
    private final Map<String, List<Object[]>> statements = new HashMap<>();
    private final List<Object[]> inserts = new ArrayList<>();
    /** Found again exactly as it was: only the run that saw it and the time move on. */
    private final List<Long> unchanged = new ArrayList<>();
    /** An improvement waiting for confirmation, seen again as it was: only the run moves on. */
    private final List<Long> stillPending = new ArrayList<>();
    private final List<WarningHistory.Step> steps = new ArrayList<>();
    /** Steps of warnings not yet inserted, by indicator: their id is known after the insert. */
    private final Map<Long, WarningHistory.Step> raisedSteps = new HashMap<>();
    /** Warnings this run leaves pointing at it and not resolved: every write but a resolution. */
    private int open;

    WarningWrites(JdbcTemplate jdbc, long runId, Timestamp now) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.now = now;
    }

    Timestamp now() {
        return now;
    }

    /** A new warning; {@code raised} is its first history step, written with the id the insert gives. */
    void insert(Object[] row, long indicatorId, WarningHistory.Step raised) {
        inserts.add(row);
        raisedSteps.put(indicatorId, raised);
        open++;
    }

    void write(String sql, Object... params) {
        statements.computeIfAbsent(sql, s -> new ArrayList<>()).add(params);
        if (!RESOLVE.equals(sql)) {
            open++;
        }
    }

    void unchanged(long id) {
        unchanged.add(id);
        open++;
    }

    void stillPending(long id) {
        stillPending.add(id);
        open++;
    }

    /**
     * The run's counts, from what it wrote rather than three counting queries afterwards: the same
     * numbers, since a plan's warnings are written by one run at a time.
     */
    WarningsTallied tally() {
        long raised = steps.stream().filter(s -> s.event() == WarningEvent.Kind.REOPENED).count() + raisedSteps.size();
        long resolved = steps.stream().filter(s -> s.event() == WarningEvent.Kind.RESOLVED).count();
        return new WarningsTallied(runId, open, (int) raised, (int) resolved);
    }

    void step(WarningHistory.Step step) {
        steps.add(step);
    }

    /** Sends everything gathered; the caller's transaction makes it all or nothing. */
    void flush(WarningHistory history) {
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(INSERT, inserts);
            // the rows this run inserted are exactly those it first raised: one read gives all their ids
            jdbc.query("SELECT id, indicator_id FROM early_warning WHERE first_run_id = ? ORDER BY id", rs -> {
                WarningHistory.Step raised = raisedSteps.get(rs.getLong("indicator_id"));
                if (raised != null) {
                    steps.add(raised.withWarning(rs.getLong("id")));
                }
            }, runId);
        }
        statements.forEach((sql, rows) -> jdbc.batchUpdate(sql, rows));
        inList("UPDATE early_warning SET last_run_id = ?, updated_at = ? WHERE id IN ", unchanged, runId, now);
        inList("UPDATE early_warning SET last_run_id = ? WHERE id IN ", stillPending, runId);
        history.recordAll(steps);
    }

    private void inList(String sql, List<Long> ids, Object... leading) {
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            List<Object> params = new ArrayList<>(List.of(leading));
            params.addAll(chunk);
            jdbc.update(sql + "(" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", params.toArray());
        }
    }
}
