package org.duban.catalog;

/** What sort of target an indicator measures; it decides how reported values are judged. */
public enum IndicatorKind {
    /** 新增…: an addition over the year, reported as the cumulative total since 1 January. */
    ADDITION,
    /** 达到…家: a stock that must reach a level. */
    LEVEL,
    /** A rate or share in per cent. */
    RATE,
    /** A growth rate in per cent (同比增长). */
    GROWTH,
    /** A total that must stay within a quota; the quota is reported with the value. */
    CEILING,
    /** Judged against a reported reference (全市平均水平, last year's value). */
    RELATIVE,
    /** A step reported as 未启动 / 推进中 / 已完成. */
    MILESTONE,
    /** The measured class of a water section: Ⅰ–Ⅴ, 劣Ⅴ. */
    WATER_CLASS
}
