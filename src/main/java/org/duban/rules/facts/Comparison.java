package org.duban.rules.facts;

/** How a reported value is compared with a criterion's target. */
public enum Comparison {
    /** 达到/不少于/以上: value ≥ target. */
    AT_LEAST,
    /** 不超过/以下: value ≤ target. */
    AT_MOST,
    /** 2-3处: the plan's range; met from the lower bound on (doing more is no shortfall, so it raises nothing). */
    BETWEEN,
    /** 保持在…以上: every report of the year ≥ target. */
    HOLD_AT_LEAST,
    /** 控制在市下达的指标之内: value ≤ the quota reported with it. */
    WITHIN_QUOTA,
    /** 高于全市平均水平, 进一步提升: value > the reported reference. */
    ABOVE_REFERENCE,
    /** 优于全市平均 (lower is better), 双下降: value < the reported reference. */
    BELOW_REFERENCE,
    /** A milestone whose status must reach 已完成. */
    COMPLETED,
    /** 消除Ⅴ类水体: the measured class must be better than the target class. */
    BETTER_THAN
}
