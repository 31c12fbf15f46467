package org.duban.rules.facts;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a judging rule concludes about one indicator: a cause, a level and a Chinese sentence
 * with the numbers. The evaluation keeps the highest level per indicator and cause; an indicator's
 * findings together make its one warning.
 */
public record Finding(String indicator, Cause cause, Level level, String message) {

    /** 新增城镇就业：截至9月30日2650人，完成目标66.3%，低于时间进度74.8%共8.5个百分点（黄色预警） */
    public static Finding lag(Standing s, Level level) {
        if (s.expectedUnits() >= 0) {
            BigDecimal behind = BigDecimal.valueOf(s.expectedUnits()).add(s.baseline()).subtract(s.actual());
            return of(s, Cause.LAG, level, "截至%s%s，完成目标%.1f%%；按时间进度%.1f%%应完成%s%s，差%s%s，滞后%.1f个百分点",
                    TargetText.day(s.judgedAt()), TargetText.actual(s), s.completion(), s.timeProgress(),
                    Amounts.text(BigDecimal.valueOf(s.expectedUnits()).add(s.baseline())), unit(s), Amounts.text(behind), unit(s), s.lag());
        }
        return of(s, Cause.LAG, level, "截至%s%s，完成目标%.1f%%，低于时间进度%.1f%%共%.1f个百分点",
                TargetText.day(s.judgedAt()), TargetText.actual(s), s.completion(), s.timeProgress(), s.lag());
    }

    public static Finding trend(Standing s, Level level) {
        String projected = Amounts.text(BigDecimal.valueOf(Math.round(s.projected() * 10) / 10.0)) + unit(s);
        if (s.measure() == Measure.QUOTA) {
            return of(s, Cause.TREND, level, "按目前趋势，预计到%s用量%s，超过控制指标%s%s",
                    TargetText.day(s.criterion().deadline()), projected, Amounts.text(s.quota()), unit(s));
        }
        return of(s, Cause.TREND, level, "按目前趋势，预计到%s完成%s，比目标%s%s少%.1f%%",
                TargetText.day(s.criterion().deadline()), projected, Amounts.text(s.criterion().target()), unit(s), s.projectedShortfall());
    }

    /** 毕业去向落实率：截至6月30日为82.5%，未达到目标（85%以上），差距为目标的2.9%（黄色预警） */
    public static Finding belowTarget(Standing s, Level level) {
        return of(s, Cause.BELOW_TARGET, level, "截至%s为%s%s，未达到目标（%s），%s",
                TargetText.day(s.judgedAt()), TargetText.actual(s), against(s), TargetText.of(s.criterion(), s.indicator()), gap(s));
    }

    public static Finding quotaPace(Standing s, Level level) {
        return of(s, Cause.QUOTA_PACE, level, "截至%s已用%s，占控制指标%s%s的%.1f%%，快于时间进度%.1f%%共%.1f个百分点",
                TargetText.day(s.judgedAt()), TargetText.actual(s), Amounts.text(s.quota()), unit(s), s.quotaUsed(),
                s.timeProgress(), s.quotaAhead());
    }

    /** A must-hold value crossed the line, or a quota was exceeded: final, whatever comes later. */
    public static Finding limit(Standing s, Level level) {
        Report r = s.broken();
        if (s.measure() == Measure.QUOTA) {
            return of(s, Cause.LIMIT, level, "%s为%s%s，超过控制指标%s%s", TargetText.day(r.date()), Amounts.text(r.value()), unit(s),
                    Amounts.text(r.reference() != null ? r.reference() : s.quota()), unit(s));
        }
        return of(s, Cause.LIMIT, level, "%s为%s%s，未能%s", TargetText.day(r.date()), Amounts.text(r.value()), unit(s),
                TargetText.of(s.criterion(), s.indicator()));
    }

    /** 孝妇河袁家桥断面水质类别：8月31日监测为劣Ⅴ类，劣于Ⅴ类（红色预警） */
    public static Finding worseWater(Standing s, Level level) {
        return of(s, Cause.LIMIT, level, "%s监测为%s，劣于%s类", TargetText.day(s.judgedAt()), TargetText.actual(s), s.targetClass().label());
    }

    public static Finding waterAtTarget(Standing s, Level level) {
        return of(s, Cause.BELOW_TARGET, level, "%s监测为%s，尚未达到%s的目标（时间进度%.1f%%）",
                TargetText.day(s.judgedAt()), TargetText.actual(s), TargetText.of(s.criterion(), s.indicator()), s.timeProgress());
    }

    public static Finding stalled(Standing s, Level level) {
        String state = s.isReported() ? "最近报送（" + TargetText.day(s.judgedAt()) + "）仍为未启动" : "尚无进展报送，视为未启动";
        return of(s, Cause.STALLED, level, "截至%s时间进度已达%.1f%%，%s",
                TargetText.day(s.isReported() ? s.judgedAt() : s.asOf()), s.timeProgress(), state);
    }

    public static Finding overdue(Standing s, Level level) {
        if (s.finalFigure()) {
            String annual = s.measure() == Measure.WATER && s.annualClass() != null && !s.criterion().latestClass()
                    ? "全年各月均值为" + s.annualClass().label() + "类" : "最终数据为" + TargetText.actual(s);
            return of(s, Cause.OVERDUE, level, "截止日期%s已过，%s，未完成目标：%s", s.criterion().deadline(), annual,
                    TargetText.of(s.criterion(), s.indicator()));
        }
        return of(s, Cause.OVERDUE, level, "截止日期%s已过，最终数据应于%s前报送，至今未报（%s），未能确认完成",
                s.criterion().deadline(), s.finalDue(), lastReport(s));
    }

    public static Finding finalPending(Standing s, Level level) {
        return of(s, Cause.FINAL_PENDING, level, "截止日期%s已过，目前为%s，最终数据应于%s前报送（待报）",
                s.criterion().deadline(), TargetText.actual(s), s.finalDue());
    }

    public static Finding deadlineNear(Standing s, Level level) {
        return of(s, Cause.DEADLINE_NEAR, level, "距截止日期%s还有%d天，目前为%s，尚未达到目标：%s",
                s.criterion().deadline(), s.daysToDeadline(), TargetText.actual(s), TargetText.of(s.criterion(), s.indicator()));
    }

    /** 新增城镇就业：自2023年8月起2期数据未报（最近一次报送为7月31日）（黄色预警） */
    public static Finding missing(Standing s, Level level) {
        return of(s, Cause.MISSING, level, "自%s起%d期数据未按期报送（%s）", s.firstMissed(), s.missedPeriods(), lastReport(s));
    }

    private static String lastReport(Standing s) {
        return s.isReported() ? "最近一次报送为" + TargetText.day(s.judgedAt()) : "尚无任何报送";
    }

    private static String against(Standing s) {
        Comparison c = s.criterion().comparison();
        if (c == Comparison.ABOVE_REFERENCE || c == Comparison.BELOW_REFERENCE) {
            return "，对照值" + Amounts.text(s.reference()) + unit(s);
        }
        return "";
    }

    private static String gap(Standing s) {
        Comparison c = s.criterion().comparison();
        boolean relative = c == Comparison.ABOVE_REFERENCE || c == Comparison.BELOW_REFERENCE;
        BigDecimal against = relative ? s.reference() : s.criterion().target();
        if (c == Comparison.ABOVE && against.signum() == 0) {
            return "未实现增长";
        }
        if (against == null || against.signum() == 0) {
            return String.format(Locale.ROOT, "差%.1f%s", s.gap(), unit(s));
        }
        return String.format(Locale.ROOT, "差距为%s的%.1f%%", relative ? "对照值" : "目标", s.gap());
    }

    private static String unit(Standing s) {
        return s.indicator().unitOrEmpty();
    }

    private static Finding of(Standing s, Cause cause, Level level, String format, Object... args) {
        return new Finding(s.code(), cause, level,
                s.indicator().name() + "：" + String.format(Locale.ROOT, format, args) + "（" + level.chinese() + "预警）");
    }
}
