package org.duban.warning;

import java.time.Instant;

/** One change in a warning's life: RAISED, ESCALATED, LOWERED, REOPENED, ACKNOWLEDGED, RESOLVED. */
public record WarningEvent(Instant at, String event, Long runId, String fromLevel, String toLevel, String fromStatus,
                           String toStatus, String actor, String comment, String message) {
}
