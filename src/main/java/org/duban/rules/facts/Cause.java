package org.duban.rules.facts;

/** Why an indicator is off track. An indicator has at most one open warning; its causes are listed in it. */
public enum Cause {
    /** Completion lags behind time progress at the date of the newest report (additions, levels, accumulating rates). */
    LAG,
    /** The trend of reported values projects a miss at the deadline (or a quota exceeded by it). */
    TREND,
    /** A rate, growth, relative or …左右 target is short of its threshold before the deadline; graded by the gap. */
    BELOW_TARGET,
    /** A quota is being used faster than time passes. */
    QUOTA_PACE,
    /** A milestone has not started though much of the period has passed. */
    STALLED,
    /** A hard limit is breached: a quota exceeded, a must-hold value broken, water worse than the class to eliminate. */
    LIMIT,
    /** The deadline has passed and the target is not met on the final figure, or the final figure is overdue. */
    OVERDUE,
    /** The deadline has passed and the final figure is not yet due: a notice (待报). */
    FINAL_PENDING,
    /** The deadline is near and the target not yet reached. */
    DEADLINE_NEAR,
    /** Reports for one or more due periods are missing; escalates with the number of periods. */
    MISSING;

    /** 滞后 / 趋势 / …, as a warning lists its causes. */
    public String chinese() {
        return switch (this) {
            case LAG -> "进度滞后";
            case TREND -> "趋势预警";
            case BELOW_TARGET -> "低于目标";
            case QUOTA_PACE -> "额度使用过快";
            case STALLED -> "未启动";
            case LIMIT -> "突破约束";
            case OVERDUE -> "逾期未完成";
            case FINAL_PENDING -> "待报年末数";
            case DEADLINE_NEAR -> "临近截止";
            case MISSING -> "数据缺报";
        };
    }
}
