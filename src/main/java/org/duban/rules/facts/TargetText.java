package org.duban.rules.facts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** How targets and reported figures are written for people: 不少于720个, 85%以上, 2至3处, 优于Ⅴ类. */
public final class TargetText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private TargetText() {
    }

    /** The target of a criterion as the plan would write it. */
    public static String of(Criterion c, Indicator i) {
        String unit = i.unitOrEmpty();
        return switch (c.comparison()) {
            case AT_LEAST -> "不少于" + Amounts.text(c.target()) + unit;
            case AT_MOST -> "不超过" + Amounts.text(c.target()) + unit;
            case ABOVE -> "高于" + Amounts.text(c.target()) + unit;
            case BETWEEN -> Amounts.text(c.target()) + "至" + Amounts.text(c.upper()) + unit;
            case AROUND -> Amounts.text(c.target()) + unit + "左右（±" + Amounts.text(c.upper()) + "）";
            case HOLD_AT_LEAST -> "全年保持在" + Amounts.text(c.target()) + unit + "以上";
            case HOLD_AT_MOST -> "全年保持在" + Amounts.text(c.target()) + unit + "以内";
            case WITHIN_QUOTA -> "控制在下达的控制指标以内";
            case ABOVE_REFERENCE -> "高于对照值";
            case BELOW_REFERENCE -> "低于对照值（同为0视为完成）";
            case COMPLETED -> "完成（报送状态为已完成）";
            case STARTED -> "启动（报送状态为推进中或已完成）";
            case BETTER_THAN -> "优于" + c.targetText() + "类";
        };
    }

    /** What the newest report shows: 2650人 / 推进中 / Ⅳ类 / 尚无报送. */
    public static String actual(Standing s) {
        if (!s.isReported() && s.measure() != Measure.MILESTONE) {
            return "尚无报送";
        }
        return switch (s.measure()) {
            case MILESTONE -> s.isReported() ? s.status() : "尚无报送（视为未启动）";
            case WATER -> s.waterClass() == null ? String.valueOf(s.status()) : s.waterClass().label() + "类";
            default -> Amounts.text(s.actual()) + s.indicator().unitOrEmpty();
        };
    }

    /** 9月30日; "—" without a date. */
    public static String day(LocalDate date) {
        return date == null ? "—" : date.format(DAY);
    }
}
