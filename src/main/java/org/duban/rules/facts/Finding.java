package org.duban.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a judging rule concludes about one indicator: a cause, a level and a Chinese sentence
 * with the numbers. The evaluation keeps the highest level per indicator and cause; that
 * becomes (or updates) one warning.
 */
public record Finding(String indicator, Cause cause, Level level, String message) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    /** 新增城镇就业：截至9月30日2650人，完成目标66.3%，低于时间进度74.8%共8.5个百分点（黄色预警） */
    public static Finding lag(Progress p, Level level) {
        return new Finding(p.indicator().code(), Cause.LAG, level, String.format(Locale.ROOT,
                "%s：截至%s%s%s，完成目标%.1f%%，低于时间进度%.1f%%共%.1f个百分点（%s预警）",
                p.indicator().name(), day(p.reportedOn()), Amounts.text(p.actual()), p.indicator().unitOrEmpty(),
                p.completion(), p.timeProgress(), p.lag(), level.chinese()));
    }

    public static Finding trend(Progress p, Level level) {
        return new Finding(p.indicator().code(), Cause.TREND, level, String.format(Locale.ROOT,
                "%s：按目前趋势，预计到%s完成%s%s，比目标%s%s少%.1f%%（%s预警）",
                p.indicator().name(), day(p.criterion().deadline()), Amounts.text(BigDecimal.valueOf(Math.round(p.projected() * 10) / 10.0)),
                p.indicator().unitOrEmpty(), Amounts.text(p.criterion().target()), p.indicator().unitOrEmpty(),
                p.projectedShortfall(), level.chinese()));
    }

    public static Finding belowTarget(Indicator i, Criterion c, Reports r, Level level) {
        String against = c.target() != null
                ? "未达到目标" + Amounts.text(c.target()) + i.unitOrEmpty()
                : "未" + (c.comparison() == Comparison.ABOVE_REFERENCE ? "高于" : "低于") + "对照值" + Amounts.text(r.latestReference()) + i.unitOrEmpty();
        return new Finding(i.code(), Cause.BELOW_TARGET, level, String.format("%s：截至%s为%s%s，%s（%s预警）",
                i.name(), day(r.latestDate()), Amounts.text(r.latestValue()), i.unitOrEmpty(), against, level.chinese()));
    }

    public static Finding heldBelow(Indicator i, Criterion c, Report dropped, Level level) {
        return new Finding(i.code(), Cause.LIMIT, level, String.format("%s：%s为%s%s，低于须保持的%s%s（%s预警）",
                i.name(), day(dropped.date()), Amounts.text(dropped.value()), i.unitOrEmpty(), Amounts.text(c.target()), i.unitOrEmpty(), level.chinese()));
    }

    public static Finding overQuota(Indicator i, Reports r, Level level) {
        return new Finding(i.code(), Cause.LIMIT, level, String.format("%s：截至%s为%s%s，超过控制指标%s%s（%s预警）",
                i.name(), day(r.latestDate()), Amounts.text(r.latestValue()), i.unitOrEmpty(), Amounts.text(r.latestReference()), i.unitOrEmpty(), level.chinese()));
    }

    public static Finding waterClass(Indicator i, Criterion c, Reports r, Level level) {
        return new Finding(i.code(), Cause.LIMIT, level, String.format("%s：%s监测为%s类，未达到优于%s类的目标（%s预警）",
                i.name(), day(r.latestDate()), r.waterClass().map(WaterClass::label).orElse(r.latestText()), c.targetText(), level.chinese()));
    }

    public static Finding stalled(Indicator i, Criterion c, AsOf asOf, Level level) {
        return new Finding(i.code(), Cause.STALLED, level, String.format(Locale.ROOT, "%s：截至%s时间进度已达%.1f%%，仍为未启动（%s预警）",
                i.name(), asOf.chinese(), c.timeProgress(asOf), level.chinese()));
    }

    public static Finding overdue(Indicator i, Criterion c, Reports r, Level level) {
        return new Finding(i.code(), Cause.OVERDUE, level, String.format("%s：截止日期%s已过，%s，未完成目标（%s预警）",
                i.name(), c.deadline(), state(i, c, r), level.chinese()));
    }

    public static Finding deadlineNear(Indicator i, Criterion c, Reports r, AsOf asOf, Level level) {
        return new Finding(i.code(), Cause.DEADLINE_NEAR, level, String.format("%s：距截止日期%s还有%d天，%s，尚未完成目标（%s预警）",
                i.name(), c.deadline(), asOf.daysUntil(c.deadline()), state(i, c, r), level.chinese()));
    }

    public static Finding missing(Indicator i, Criterion c, Reports r, AsOf asOf, Tuning.ReportingGrace grace, Level level) {
        String period = ReportingPeriod.due(i.frequency(), asOf, grace.days(), c.deadline()).map(ReportingPeriod::label).orElse("本期");
        String last = r.isEmpty() ? "尚无任何报送" : "最近一次报送为" + day(r.latestDate());
        return new Finding(i.code(), Cause.MISSING, level, String.format("%s：%s的数据缺报或迟报（%s）（%s预警）",
                i.name(), period, last, level.chinese()));
    }

    /** What the reports show now: 目前为2650人 / 目前状态为推进中 / 尚无报送. */
    private static String state(Indicator i, Criterion c, Reports r) {
        if (r.isEmpty()) {
            return "尚无报送";
        }
        if (c.comparison() == Comparison.COMPLETED) {
            return "目前状态为" + r.status();
        }
        if (c.comparison() == Comparison.BETTER_THAN) {
            return "目前水质为" + r.waterClass().map(WaterClass::label).orElse(r.latestText()) + "类";
        }
        String target = c.target() != null ? "（目标" + Amounts.text(c.target()) + i.unitOrEmpty() + "）" : "";
        return "目前为" + Amounts.text(r.latestValue()) + i.unitOrEmpty() + target;
    }

    private static String day(LocalDate date) {
        return date == null ? "—" : date.format(DAY);
    }
}
