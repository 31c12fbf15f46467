package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.duban.notification.NotificationPolicy.Change;
import org.duban.notification.NotificationPolicy.Told;
import org.duban.rules.facts.Level;
import org.duban.warning.WarningStatus;
import org.junit.jupiter.api.Test;

/** New and escalated go out at once, unchanged ones only after the repeat interval, resolved ones once. */
class NotificationPolicyTests {

    static final Instant NOW = Instant.parse("2023-10-09T08:00:00Z");
    final NotificationPolicy policy = new NotificationPolicy(Duration.ofDays(7));

    @Test
    void aWarningNeverToldIsNew() {
        assertThat(policy.decide(Level.YELLOW, WarningStatus.OPEN, Optional.empty(), NOW)).contains(Change.NEW);
    }

    @Test
    void aHigherLevelIsAnEscalationAtOnce() {
        assertThat(policy.decide(Level.RED, WarningStatus.OPEN, told(Level.YELLOW, WarningStatus.OPEN, 1), NOW)).contains(Change.ESCALATED);
    }

    @Test
    void anUnchangedWarningWaitsForTheRepeatInterval() {
        assertThat(policy.decide(Level.YELLOW, WarningStatus.ACKNOWLEDGED, told(Level.YELLOW, WarningStatus.OPEN, 6), NOW)).isEmpty();
        assertThat(policy.decide(Level.YELLOW, WarningStatus.OPEN, told(Level.YELLOW, WarningStatus.OPEN, 7), NOW)).contains(Change.REPEATED);
        assertThat(policy.decide(Level.BLUE, WarningStatus.OPEN, told(Level.YELLOW, WarningStatus.OPEN, 2), NOW)).isEmpty();
    }

    @Test
    void aResolvedWarningIsReportedOnceAndAReturnIsNewsAgain() {
        assertThat(policy.decide(Level.RED, WarningStatus.RESOLVED, told(Level.RED, WarningStatus.OPEN, 1), NOW)).contains(Change.RESOLVED);
        assertThat(policy.decide(Level.RED, WarningStatus.RESOLVED, told(Level.RED, WarningStatus.RESOLVED, 1), NOW)).isEmpty();
        assertThat(policy.decide(Level.RED, WarningStatus.RESOLVED, Optional.empty(), NOW)).isEmpty();
        assertThat(policy.decide(Level.YELLOW, WarningStatus.OPEN, told(Level.RED, WarningStatus.RESOLVED, 1), NOW)).contains(Change.REOPENED);
    }

    private static Optional<Told> told(Level level, WarningStatus status, int daysAgo) {
        return Optional.of(new Told(level, status, NOW.minus(Duration.ofDays(daysAgo))));
    }
}
