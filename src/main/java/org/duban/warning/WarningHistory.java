package org.duban.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the history of a warning: one {@code warning_event} row per change of level or status. */
@Component
class WarningHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    WarningHistory(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** {@code runId} is null for steps people take; {@code message} is the warning's text at that moment, if it changed. */
    void record(long warningId, Long runId, String event, String fromLevel, String toLevel, String fromStatus, String toStatus,
                String actor, String comment, String message) {
        jdbc.sql("""
                INSERT INTO warning_event (warning_id, run_id, happened_at, event, from_level, to_level, from_status, to_status, actor, comment, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(warningId, runId, Timestamp.from(clock.instant()), event, fromLevel, toLevel, fromStatus, toStatus, actor, comment, message)
                .update();
    }
}
