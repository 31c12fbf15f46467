package org.duban.warning;

import java.time.Instant;

/** One change in a warning's life, with the causes it had then. */
public record WarningEvent(Instant at, Kind event, Long runId, String fromLevel, String toLevel, String fromStatus,
                           String toStatus, String actor, String comment, String message, String causes) {

    /** What happened: by a run (raised, escalated, lowered, reopened, resolved) or by a person (acknowledged, resolved). */
    public enum Kind {
        RAISED, ESCALATED, LOWERED, REOPENED, ACKNOWLEDGED, RESOLVED
    }
}
