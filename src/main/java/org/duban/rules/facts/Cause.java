package org.duban.rules.facts;

/** Why an indicator is off track. One warning per indicator and cause. */
public enum Cause {
    /** Completion lags behind time progress (additions and levels). */
    LAG,
    /** The trend of reported values projects a miss at the deadline. */
    TREND,
    /** A rate, share or relative target is below its threshold before the deadline. */
    BELOW_TARGET,
    /** A milestone has not started though much of the period has passed. */
    STALLED,
    /** A hard limit is breached: a quota exceeded, a must-hold value dropped, water class Ⅴ or worse. */
    LIMIT,
    /** The deadline has passed and the target is not met. */
    OVERDUE,
    /** The deadline is near and the target not yet met. */
    DEADLINE_NEAR,
    /** The report for the last due period is missing or late. */
    MISSING
}
