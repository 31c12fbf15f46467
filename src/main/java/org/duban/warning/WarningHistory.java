package org.duban.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the history of a warning: one {@code warning_event} row per change of level or status. */
@Component
class WarningHistory {

    /**
     * One change of a warning. {@code runId} is null for steps people take; {@code message} and
     * {@code causes} are the warning's at that moment, where a run changed them.
     */
    record Step(long warningId, Long runId, WarningEvent.Kind event, String fromLevel, String toLevel, String fromStatus, String toStatus,
                String actor, String comment, String message, String causes) {

        /** The same step for the warning with this id (known once its row is inserted). */
        Step withWarning(long id) {
            return new Step(id, runId, event, fromLevel, toLevel, fromStatus, toStatus, actor, comment, message, causes);
        }
    }

    private static final String INSERT = """
            INSERT INTO warning_event (warning_id, run_id, happened_at, event, from_level, to_level, from_status, to_status, actor,
                                       comment, message, causes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    WarningHistory(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    void record(Step step) {
        jdbc.sql(INSERT).params(params(step, Timestamp.from(clock.instant()))).update();
    }

    /** The steps of one run, in one batch, in the order given. */
    void recordAll(List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbcTemplate.batchUpdate(INSERT, steps.stream().map(step -> params(step, now)).toList());
    }

    private static Object[] params(Step step, Timestamp at) {
        return new Object[] {step.warningId(), step.runId(), at, step.event().name(), step.fromLevel(), step.toLevel(), step.fromStatus(),
                step.toStatus(), step.actor(), step.comment(), step.message(), step.causes()};
    }

    /** A step a person takes: no run, no new message. */
    void record(long warningId, WarningEvent.Kind event, String fromLevel, String toLevel, String fromStatus, String toStatus, String actor,
                String comment) {
        record(new Step(warningId, null, event, fromLevel, toLevel, fromStatus, toStatus, actor, comment, null, null));
    }
}
