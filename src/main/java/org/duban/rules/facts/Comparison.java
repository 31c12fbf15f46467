package org.duban.rules.facts;

/** How a reported value is compared with a criterion's target. */
public enum Comparison {
    /** 达到/不少于/以上: value ≥ target. */
    AT_LEAST,
    /** 不超过/以下: value ≤ target (for additions and levels: a fixed quota, judged like a ceiling). */
    AT_MOST,
    /** 稳定增长, 增收: value &gt; target (growth above 0). */
    ABOVE,
    /** 2-3处: the plan's range; met from the lower bound on (doing more is no shortfall, so it raises nothing). */
    BETWEEN,
    /** …左右: within target ± tolerance. */
    AROUND,
    /** 保持在…以上, 稳定在…以上: every report of the year ≥ target. */
    HOLD_AT_LEAST,
    /** …以内 with a fixed number (失业率5.5%以内): every report of the year ≤ target. */
    HOLD_AT_MOST,
    /** 控制在市下达的指标之内: value ≤ the quota reported with it. */
    WITHIN_QUOTA,
    /** 高于全市平均水平, 进一步提升: value &gt; the reported reference. */
    ABOVE_REFERENCE,
    /** 优于全市平均 (lower is better), 双下降: value &lt; the reported reference (0 against 0 is met). */
    BELOW_REFERENCE,
    /** A milestone whose status must reach 已完成. */
    COMPLETED,
    /** A goal to start (启动, 开工): met at 推进中 or 已完成. */
    STARTED,
    /** 消除Ⅴ类水体: the year's class must be better than the target class. */
    BETTER_THAN
}
