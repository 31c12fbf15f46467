package org.duban.rules.facts;

import java.util.Locale;

/**
 * Facts as the firing log shows them to people: 名称=值 in Chinese, not Java's {@code toString()}.
 */
public final class FactText {

    private FactText() {
    }

    public static String of(Object fact) {
        if (fact instanceof Standing s) {
            return standing(s);
        } else if (fact instanceof Criterion c) {
            return "判定标准[指标=" + c.indicator() + ", 比较=" + c.comparison() + ", 目标=" + target(c) + ", 截止日期=" + c.deadline() + "]";
        } else if (fact instanceof Finding f) {
            return "发现[指标=" + f.indicator() + ", 原因=" + f.cause().chinese() + ", 等级=" + f.level().chinese() + "]";
        } else if (fact instanceof AsOf a) {
            return "评估日=" + a.date();
        } else if (fact instanceof PlanScope p) {
            return "计划[编码=" + p.plan() + ", 地区=" + p.region() + "]";
        } else if (fact instanceof Tuning.LagThreshold t) {
            return t.level().chinese() + "滞后阈值=" + number(t.points()) + "个百分点";
        } else if (fact instanceof Tuning.GapThreshold t) {
            return t.level().chinese() + "差距阈值=目标的" + number(t.percent()) + "%";
        } else if (fact instanceof Tuning.QuotaPace t) {
            return t.level().chinese() + "额度超前阈值=" + number(t.points()) + "个百分点";
        } else if (fact instanceof Tuning.MissingThreshold t) {
            return t.level().chinese() + "缺报阈值=" + t.periods() + "期";
        } else if (fact instanceof Tuning.TrendTolerance t) {
            return "趋势缺口容忍度=目标的" + number(t.percent()) + "%";
        } else if (fact instanceof Tuning.NoticeWindow t) {
            return "临近截止提示=" + t.days() + "天";
        } else if (fact instanceof Tuning.StallThreshold t) {
            return "里程碑停滞阈值=时间进度" + number(t.percent()) + "%";
        } else if (fact instanceof Tuning.WaterPhase t) {
            return "水质橙色阶段=时间进度" + number(t.percent()) + "%";
        }
        return String.valueOf(fact);
    }

    private static String standing(Standing s) {
        StringBuilder text = new StringBuilder("现状[指标=").append(s.code())
                .append(", 判定日=").append(s.judgedAt() == null ? "无报送" : s.judgedAt())
                .append(", 实际=").append(TargetText.actual(s))
                .append(", 目标=").append(TargetText.of(s.criterion(), s.indicator()))
                .append(", 时间进度=").append(number(s.timeProgress())).append('%');
        switch (s.measure()) {
            case PACE -> text.append(", 完成率=").append(number(s.completion())).append("%, 滞后=").append(number(s.lag())).append("个百分点");
            case THRESHOLD, HOLD -> text.append(", 差距=").append(number(s.gap()));
            case QUOTA -> text.append(", 已用额度=").append(number(s.quotaUsed())).append('%');
            case WATER -> text.append(", 全年均值=").append(s.annualClass() == null ? "—" : s.annualClass().label() + "类");
            default -> { }
        }
        if (s.hasTrend()) {
            text.append(", 趋势预计=").append(number(s.projected()));
        }
        return text.append(", 缺报期数=").append(s.missedPeriods())
                .append(", 已完成=").append(s.met() ? "是" : "否").append(']').toString();
    }

    private static String target(Criterion c) {
        if (c.target() == null) {
            return c.targetText() != null ? c.targetText() : "—";
        }
        return Amounts.text(c.target()) + (c.upper() != null ? "~" + Amounts.text(c.upper()) : "");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
