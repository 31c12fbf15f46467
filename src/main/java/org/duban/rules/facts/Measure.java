package org.duban.rules.facts;

/** How an indicator's progress is measured, which decides the judging rules that apply to it. */
public enum Measure {
    /** Additions, levels with a start-of-year value and accumulating rates: completion against time progress. */
    PACE,
    /** A level without a start-of-year value: not pro-rated, judged at the deadline only. */
    STOCK,
    /** Rates, growth, relative and …左右 targets: the value as it stands against the threshold. */
    THRESHOLD,
    /** Values that must hold all year (保持在…以上, …以内): any report across the line breaks it. */
    HOLD,
    /** Ceilings: the quota used against time progress. */
    QUOTA,
    /** Milestones: the reported status. */
    MILESTONE,
    /** Water sections: the measured class. */
    WATER
}
