package org.duban.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.duban.rules.facts.Amounts;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Level;
import org.duban.rules.facts.Measure;
import org.duban.rules.facts.Standing;
import org.duban.rules.facts.TargetText;
import org.duban.rules.facts.Tuning;

/**
 * Says in Chinese why an indicator has its warning, or why it has none: for a quiet indicator the
 * nearest level rule that did not fire and the condition it missed ("滞后 8.5 个百分点，未达黄色预警
 * 阈值 10 个百分点"), with the thresholds the session's {@code levels.drl} stated.
 */
final class Explanations {

    private final Collection<Object> tuning;

    Explanations(Collection<Object> tuning) {
        this.tuning = tuning;
    }

    String explain(Standing s, List<Finding> findings) {
        String state = state(s);
        if (!findings.isEmpty()) {
            return state + "。预警原因：" + String.join("；", findings.stream().map(Finding::message).toList());
        }
        return state + "。" + quiet(s);
    }

    /** What the numbers are, whatever the verdict. */
    private static String state(Standing s) {
        String head = "目标" + TargetText.of(s.criterion(), s.indicator()) + "，截止" + s.criterion().deadline();
        if (!s.isReported() && s.measure() != Measure.MILESTONE) {
            return head + "；尚无报送";
        }
        String at = s.isReported() ? "截至" + TargetText.day(s.judgedAt()) + "为" + TargetText.actual(s) : "尚无进展报送（视为未启动）";
        return head + "；" + at + switch (s.measure()) {
            case PACE -> String.format(Locale.ROOT, "，完成%.1f%%，时间进度%.1f%%", s.completion(), s.timeProgress());
            case QUOTA -> String.format(Locale.ROOT, "，已用控制指标%s的%.1f%%，时间进度%.1f%%", Amounts.text(s.quota()), s.quotaUsed(), s.timeProgress());
            case WATER -> s.annualClass() == null ? "" : "，全年各月均值目前为" + s.annualClass().label() + "类";
            case STOCK -> "；缺少年初基数（from(n) 或年内首次报送的对照值），不按进度判断，截止日期时以最终数据判定";
            default -> "";
        };
    }

    private String quiet(Standing s) {
        if (s.metForGood()) {
            return "已完成目标，不再预警，无需继续报送";
        }
        if (s.met()) {
            return "截止日期已过，最终数据达到目标";
        }
        String reporting = reporting(s);
        if (!s.isReported() && s.measure() != Measure.MILESTONE) {
            return reporting;
        }
        String nearMiss = switch (s.measure()) {
            case PACE -> s.reached() ? "已达到目标值；截止日期以最终数据判定完成" : pace(s);
            case QUOTA -> threshold(Tuning.QuotaPace.class, Tuning.QuotaPace::points)
                    .map(t -> String.format(Locale.ROOT, "用量%s时间进度%.1f个百分点，未达黄色预警阈值（快于时间进度%s个百分点）",
                            s.quotaAhead() >= 0 ? "快于" : "慢于", Math.abs(s.quotaAhead()), number(t)))
                    .orElse("");
            case THRESHOLD, HOLD -> (zeroAgainstZero(s) ? "本期与对照值同为0，无从下降，视为实现下降；" : "已达到目标；")
                    + "比率、须保持类指标在截止日期以最终数据判定完成";
            case MILESTONE -> threshold(Tuning.StallThreshold.class, Tuning.StallThreshold::percent)
                    .map(t -> s.notStarted()
                            ? String.format(Locale.ROOT, "时间进度%.1f%%，未达停滞预警阈值%s%%", s.timeProgress(), number(t))
                            : "已启动，截止日期前完成即可")
                    .orElse("");
            case WATER -> s.waterClass() != null && s.waterClass().betterThan(s.targetClass())
                    ? "最近监测优于" + s.targetClass().label() + "类，截止日期按全年均值判定" : "";
            case STOCK -> "";
        };
        return join(nearMiss, reporting);
    }

    private static boolean zeroAgainstZero(Standing s) {
        return s.criterion().comparison() == org.duban.rules.facts.Comparison.BELOW_REFERENCE && s.actual() != null
                && s.actual().signum() == 0 && s.reference() != null && s.reference().signum() == 0;
    }

    /** How far behind (or ahead of) time progress, against the lowest lag threshold. */
    private String pace(Standing s) {
        double yellow = threshold(Tuning.LagThreshold.class, Tuning.LagThreshold::points).orElse(Double.NaN);
        String lagging = String.format(Locale.ROOT, "滞后%.1f个百分点，未达黄色预警阈值%s个百分点", s.lag(), number(yellow));
        if (s.expectedUnits() >= 0) {
            String expected = "按时间进度应完成" + Amounts.text(java.math.BigDecimal.valueOf(s.expectedUnits()).add(s.baseline()))
                    + s.indicator().unitOrEmpty() + "，实际" + TargetText.actual(s);
            return expected + (s.lag() <= 0 ? "，不滞后" : "，" + lagging);
        }
        return s.lag() <= 0 ? String.format(Locale.ROOT, "进度不滞后（超前时间进度%.1f个百分点）", Math.abs(s.lag())) : lagging;
    }

    /** Whether reports are coming in; one missed period more would give a notice. */
    private static String reporting(Standing s) {
        if (!s.beforeDeadline() && !s.finalFigure()) {
            return "最终数据应于" + s.finalDue() + "前报送";
        }
        return s.isReported() ? "数据按期报送，无缺报" : "尚未到首期数据的报送期限";
    }

    private <T> Optional<Double> threshold(Class<T> type, java.util.function.ToDoubleFunction<T> value) {
        return tuning.stream().filter(type::isInstance).map(type::cast)
                .filter(t -> !(t instanceof Tuning.LagThreshold l) || l.level() == Level.YELLOW)
                .filter(t -> !(t instanceof Tuning.QuotaPace q) || q.level() == Level.YELLOW)
                .map(value::applyAsDouble).min(Double::compare);
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + "；" + second;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
