package org.duban.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.duban.rules.facts.Level;
import org.duban.warning.WarningStatus;

/**
 * What a department is told about a warning, after Prometheus Alertmanager's habits: new and
 * escalated warnings go out in the next digest; unchanged ones are repeated only after the repeat
 * interval; a resolved one is reported once; otherwise nothing.
 */
final class NotificationPolicy {

    enum Change {
        NEW("新增"), ESCALATED("升级"), REOPENED("再次出现"), REPEATED("仍未解除"), RESOLVED("已解除");

        final String chinese;

        Change(String chinese) {
            this.chinese = chinese;
        }
    }

    /** What the department was last told, if anything. */
    record Told(Level level, WarningStatus status, Instant at) {
    }

    private final Duration repeatInterval;

    NotificationPolicy(Duration repeatInterval) {
        this.repeatInterval = repeatInterval;
    }

    Optional<Change> decide(Level level, WarningStatus status, Optional<Told> told, Instant now) {
        if (status == WarningStatus.RESOLVED) {
            return told.filter(t -> t.status() != WarningStatus.RESOLVED).map(t -> Change.RESOLVED);
        }
        if (told.isEmpty()) {
            return Optional.of(Change.NEW);
        }
        Told last = told.get();
        if (last.status() == WarningStatus.RESOLVED) {
            return Optional.of(Change.REOPENED);
        }
        if (level.above(last.level())) {
            return Optional.of(Change.ESCALATED);
        }
        if (!last.at().plus(repeatInterval).isAfter(now)) {
            return Optional.of(Change.REPEATED);
        }
        return Optional.empty();
    }
}
