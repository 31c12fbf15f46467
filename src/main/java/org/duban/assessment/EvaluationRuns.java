package org.duban.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.catalog.CatalogKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code evaluation_run} table: a run is recorded when it starts and closed when it ends. */
@Repository
class EvaluationRuns {

    private static final String SELECT = """
            SELECT r.id, r.plan_id, r.as_of, r.started_at, r.finished_at, r.rule_set_version, r.outcome, r.triggered_by,
                   r.firings, r.warnings_open, r.warnings_raised, r.warnings_resolved, r.error_message, r.kind
            FROM evaluation_run r""";

    private final JdbcClient jdbc;
    private final CatalogKeys keys;
    private final Clock clock;

    EvaluationRuns(JdbcClient jdbc, CatalogKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** A run not finished, and the instance that runs it (null for runs from before instances were recorded). */
    record Running(long runId, String instance) {
    }

    long start(String planCode, LocalDate asOf, String version, String triggeredBy, String instance) {
        return start(planCode, asOf, version, triggeredBy, instance, EvaluationRun.Kind.FULL);
    }

    long start(String planCode, LocalDate asOf, String version, String triggeredBy, String instance, EvaluationRun.Kind kind) {
        long planId = keys.planId(planCode).orElseThrow(() -> new EvaluationFailed("没有计划 " + planCode));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evaluation_run (plan_id, as_of, started_at, rule_set_version, outcome, triggered_by, instance_id, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planId, asOf, Timestamp.from(clock.instant()), version, EvaluationRun.Outcome.RUNNING.name(), triggeredBy, instance,
                        kind.name())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void succeed(long runId, int firings) {
        jdbc.sql("UPDATE evaluation_run SET finished_at = ?, outcome = ?, firings = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), EvaluationRun.Outcome.SUCCEEDED.name(), firings, runId)
                .update();
    }

    /** The counts the warnings reported for the run. */
    void tally(WarningsTallied tally) {
        jdbc.sql("UPDATE evaluation_run SET warnings_open = ?, warnings_raised = ?, warnings_resolved = ? WHERE id = ?")
                .params(tally.open(), tally.raised(), tally.resolved(), tally.runId())
                .update();
    }

    void fail(long runId, String error) {
        jdbc.sql("UPDATE evaluation_run SET finished_at = ?, outcome = ?, error_message = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), EvaluationRun.Outcome.FAILED.name(), error, runId)
                .update();
    }

    List<Running> running() {
        return jdbc.sql("SELECT id, instance_id FROM evaluation_run WHERE outcome = ?").param(EvaluationRun.Outcome.RUNNING.name())
                .query((rs, n) -> new Running(rs.getLong("id"), rs.getString("instance_id"))).list();
    }

    /** Closes a run its instance left behind; false when it ended meanwhile. */
    boolean abandon(long runId, String reason) {
        return jdbc.sql("UPDATE evaluation_run SET finished_at = ?, outcome = ?, error_message = ? WHERE id = ? AND outcome = ?")
                .params(Timestamp.from(clock.instant()), EvaluationRun.Outcome.ABANDONED.name(), reason, runId, EvaluationRun.Outcome.RUNNING.name())
                .update() == 1;
    }

    Optional<EvaluationRun> find(long runId) {
        Map<Long, String> plans = keys.planCodes();
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(runId).query((rs, n) -> run(rs, plans)).optional();
    }

    List<EvaluationRun> latest(int limit) {
        return latest(limit, Optional.empty());
    }

    /** The latest runs of the plans with these keys (every plan when empty). */
    List<EvaluationRun> latest(int limit, Optional<List<Long>> planIds) {
        return latest(limit, planIds, Optional.empty());
    }

    /** As above, and only runs of that kind when given. */
    List<EvaluationRun> latest(int limit, Optional<List<Long>> planIds, Optional<EvaluationRun.Kind> kind) {
        Map<Long, String> plans = keys.planCodes();
        List<Object> params = new java.util.ArrayList<>();
        String where = PlanFilter.in("r.plan_id", planIds, params);
        if (kind.isPresent()) {
            where += " AND r.kind = ?";
            params.add(kind.get().name());
        }
        params.add(limit);
        return jdbc.sql(SELECT + (where.isEmpty() ? "" : " WHERE 1 = 1" + where) + " ORDER BY r.id DESC LIMIT ?").params(params)
                .query((rs, n) -> run(rs, plans)).list();
    }

    private static EvaluationRun run(java.sql.ResultSet rs, Map<Long, String> plans) throws java.sql.SQLException {
        return new EvaluationRun(rs.getLong("id"), plans.get(rs.getLong("plan_id")), rs.getDate("as_of").toLocalDate(),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), rs.getString("rule_set_version"),
                EvaluationRun.Outcome.valueOf(rs.getString("outcome")), rs.getString("triggered_by"), rs.getObject("firings", Integer.class),
                rs.getObject("warnings_open", Integer.class), rs.getObject("warnings_raised", Integer.class),
                rs.getObject("warnings_resolved", Integer.class), rs.getString("error_message"),
                EvaluationRun.Kind.valueOf(rs.getString("kind")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
