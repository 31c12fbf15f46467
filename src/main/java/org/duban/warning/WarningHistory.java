package org.duban.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

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
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WarningHistory(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    void record(Step step) {
        jdbc.sql("""
                INSERT INTO warning_event (warning_id, run_id, happened_at, event, from_level, to_level, from_status, to_status, actor,
                                           comment, message, causes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(step.warningId(), step.runId(), Timestamp.from(clock.instant()), step.event().name(), step.fromLevel(), step.toLevel(),
                        step.fromStatus(), step.toStatus(), step.actor(), step.comment(), step.message(), step.causes())
                .update();
    }

    /** A step a person takes: no run, no new message. */
    void record(long warningId, WarningEvent.Kind event, String fromLevel, String toLevel, String fromStatus, String toStatus, String actor,
                String comment) {
        record(new Step(warningId, null, event, fromLevel, toLevel, fromStatus, toStatus, actor, comment, null, null));
    }
}
