package org.duban.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code evaluation_run} table: a run is recorded when it starts and closed when it ends. */
@Repository
class EvaluationRuns {

    private static final String SELECT = """
            SELECT r.id, p.code, r.as_of, r.started_at, r.finished_at, r.rule_set_version, r.outcome, r.triggered_by,
                   r.firings, r.warnings_open, r.warnings_raised, r.warnings_resolved, r.error_message
            FROM evaluation_run r JOIN plan p ON p.id = r.plan_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    EvaluationRuns(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A run not finished, and the instance that runs it (null for runs from before instances were recorded). */
    record Running(long runId, String instance) {
    }

    long start(String planCode, LocalDate asOf, String version, String triggeredBy, String instance) {
        long planId = jdbc.sql("SELECT id FROM plan WHERE code = ?").param(planCode).query(Long.class).single();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evaluation_run (plan_id, as_of, started_at, rule_set_version, outcome, triggered_by, instance_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, asOf, Timestamp.from(clock.instant()), version, EvaluationRun.RUNNING, triggeredBy, instance)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Closes a run with counts taken from the warnings it touched. */
    void succeed(long runId, int firings) {
        jdbc.sql("""
                UPDATE evaluation_run SET finished_at = ?, outcome = ?, firings = ?,
                    warnings_open = (SELECT COUNT(*) FROM early_warning WHERE last_run_id = ? AND status <> 'RESOLVED'),
                    warnings_raised = (SELECT COUNT(*) FROM warning_event WHERE run_id = ? AND event IN ('RAISED', 'REOPENED')),
                    warnings_resolved = (SELECT COUNT(*) FROM warning_event WHERE run_id = ? AND event = 'RESOLVED')
                WHERE id = ?""")
                .params(Timestamp.from(clock.instant()), EvaluationRun.SUCCEEDED, firings, runId, runId, runId, runId)
                .update();
    }

    void fail(long runId, String error) {
        jdbc.sql("UPDATE evaluation_run SET finished_at = ?, outcome = ?, error_message = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), EvaluationRun.FAILED, error, runId)
                .update();
    }

    List<Running> running() {
        return jdbc.sql("SELECT id, instance_id FROM evaluation_run WHERE outcome = ?").param(EvaluationRun.RUNNING)
                .query((rs, n) -> new Running(rs.getLong("id"), rs.getString("instance_id"))).list();
    }

    /** Closes a run its instance left behind; false when it ended meanwhile. */
    boolean abandon(long runId, String reason) {
        return jdbc.sql("UPDATE evaluation_run SET finished_at = ?, outcome = ?, error_message = ? WHERE id = ? AND outcome = ?")
                .params(Timestamp.from(clock.instant()), EvaluationRun.ABANDONED, reason, runId, EvaluationRun.RUNNING)
                .update() == 1;
    }

    Optional<EvaluationRun> find(long runId) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(runId).query((rs, n) -> run(rs)).optional();
    }

    List<EvaluationRun> latest(int limit) {
        return jdbc.sql(SELECT + " ORDER BY r.id DESC LIMIT ?").param(limit).query((rs, n) -> run(rs)).list();
    }

    private static EvaluationRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EvaluationRun(rs.getLong("id"), rs.getString("code"), rs.getDate("as_of").toLocalDate(),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), rs.getString("rule_set_version"),
                rs.getString("outcome"), rs.getString("triggered_by"), rs.getObject("firings", Integer.class),
                rs.getObject("warnings_open", Integer.class), rs.getObject("warnings_raised", Integer.class),
                rs.getObject("warnings_resolved", Integer.class), rs.getString("error_message"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
