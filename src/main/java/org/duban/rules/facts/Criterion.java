package org.duban.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A completion criterion of one indicator: what counts as done and by when. Task rules insert
 * one per indicator, written to read like the plan:
 * <pre>insert(Criterion.of("T22-1").atLeast(720).by("2023-12-31"));</pre>
 * A criterion without {@code by(...)} is only a {@link Draft} and is reported as an error.
 *
 * @param target       the threshold (lower bound for {@code BETWEEN}, centre for {@code AROUND}); null where
 *                     the target is a status, a class or a reported reference
 * @param upper        the upper bound of {@code BETWEEN}, the tolerance of {@code AROUND}, else null
 * @param targetText   the target class of {@code BETTER_THAN} (e.g. "Ⅴ"), else null
 * @param baseline     the start-of-year value a level is measured from ({@code from(n)}); null means 0 for
 *                     additions, and for levels the reference of the year's first report if any
 * @param checkpoints  expected completion in per cent at the end of each quarter ({@code quarterly(…)}),
 *                     or empty to measure time progress day by day
 * @param accumulating a rate that builds up during the year ({@code accumulating()}): pro-rated like an addition
 * @param finalBy      when the final figure is due ({@code finalBy(…)}); null: the deadline plus the lag of
 *                     {@code rules/common/levels.drl}
 * @param latestClass  a water class judged on the newest reading instead of the year's mean ({@code onLatestReading()})
 */
public record Criterion(String indicator, Comparison comparison, BigDecimal target, BigDecimal upper,
                        String targetText, BigDecimal baseline, List<Double> checkpoints, LocalDate deadline,
                        boolean accumulating, LocalDate finalBy, boolean latestClass) {

    public Criterion {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(deadline, "deadline");
        checkpoints = List.copyOf(checkpoints);
    }

    public static Draft of(String indicator) {
        return new Draft(indicator, null, null, null, null, null, List.of(), false, null, false);
    }

    /** Share of the plan period elapsed on the as-of date; see {@link #timeProgress(LocalDate, LocalDate)}. */
    public double timeProgress(AsOf asOf) {
        return timeProgress(asOf.date(), asOf.yearStart());
    }

    /**
     * Share of the plan period elapsed on {@code day}, in per cent: from the start of the plan year to
     * the deadline, counting both days; or, with quarterly checkpoints, the expectation of the last
     * quarter that has ended.
     */
    public double timeProgress(LocalDate day, LocalDate yearStart) {
        if (!checkpoints.isEmpty()) {
            double expected = 0;
            List<ReportingPeriod> quarters = ReportingPeriod.until("QUARTERLY", yearStart, yearStart.plusYears(1).minusDays(1));
            for (int quarter = 0; quarter < checkpoints.size(); quarter++) {
                LocalDate end = quarters.get(quarter).end();
                if (!day.isBefore(end)) {
                    expected = checkpoints.get(quarter);
                }
            }
            return expected;
        }
        long total = ChronoUnit.DAYS.between(yearStart, deadline) + 1;
        long elapsed = ChronoUnit.DAYS.between(yearStart, day) + 1;
        return total <= 0 ? 100 : Math.max(0, Math.min(100, 100.0 * elapsed / total));
    }

    /** Whether {@code value} (a number) satisfies the target as it stands; for holds, one report. */
    public boolean satisfiedBy(BigDecimal value, BigDecimal reference) {
        if (value == null) {
            return false;
        }
        return switch (comparison) {
            case AT_LEAST, BETWEEN, HOLD_AT_LEAST -> value.compareTo(target) >= 0;
            case AT_MOST, HOLD_AT_MOST -> value.compareTo(target) <= 0;
            case ABOVE -> value.compareTo(target) > 0;
            case AROUND -> value.subtract(target).abs().compareTo(upper) <= 0;
            case WITHIN_QUOTA -> reference != null && value.compareTo(reference) <= 0;
            case ABOVE_REFERENCE -> reference != null && value.compareTo(reference) > 0;
            // nothing falls below zero: 0 deaths this year against 0 last year is the best there is
            case BELOW_REFERENCE -> reference != null && (value.compareTo(reference) < 0 || value.signum() == 0 && reference.signum() == 0);
            case COMPLETED, STARTED, BETTER_THAN -> false;
        };
    }

    /** A criterion still missing its deadline. */
    public record Draft(String indicator, Comparison comparison, BigDecimal target, BigDecimal upper, String targetText,
                        BigDecimal baseline, List<Double> checkpoints, boolean accrues, LocalDate finalBy, boolean latestClass) {

        /** The names {@link #options(String)} accepts: a criteria table's 选项 column is checked against them. */
        public static final List<String> OPTIONS = List.of("accumulating", "onLatestReading");

        public Draft atLeast(Number value) {
            return with(Comparison.AT_LEAST, value, null, null);
        }

        public Draft atMost(Number value) {
            return with(Comparison.AT_MOST, value, null, null);
        }

        /** Strictly above: 稳定增长 is {@code above(0)}. */
        public Draft above(Number value) {
            return with(Comparison.ABOVE, value, null, null);
        }

        public Draft between(Number low, Number high) {
            if (decimal(low).compareTo(decimal(high)) > 0) {
                throw new IllegalArgumentException("区间下限 " + low + " 大于上限 " + high);
            }
            return with(Comparison.BETWEEN, low, high, null);
        }

        /** …左右: {@code around(3, 0.5)} is met from 2.5 to 3.5. */
        public Draft around(Number value, Number tolerance) {
            if (decimal(tolerance).signum() < 0) {
                throw new IllegalArgumentException("允许偏差不能为负数: " + tolerance);
            }
            return with(Comparison.AROUND, value, tolerance, null);
        }

        public Draft holdAtLeast(Number value) {
            return with(Comparison.HOLD_AT_LEAST, value, null, null);
        }

        public Draft holdAtMost(Number value) {
            return with(Comparison.HOLD_AT_MOST, value, null, null);
        }

        public Draft withinQuota() {
            return with(Comparison.WITHIN_QUOTA, null, null, null);
        }

        public Draft aboveReference() {
            return with(Comparison.ABOVE_REFERENCE, null, null, null);
        }

        public Draft belowReference() {
            return with(Comparison.BELOW_REFERENCE, null, null, null);
        }

        public Draft completed() {
            return with(Comparison.COMPLETED, null, null, null);
        }

        /** 启动, 开工: met once under way (推进中) or done. */
        public Draft started() {
            return with(Comparison.STARTED, null, null, null);
        }

        public Draft betterThan(String waterClass) {
            WaterClass parsed = WaterClass.parse(waterClass)
                    .orElseThrow(() -> new IllegalArgumentException("未知水质类别 \"" + waterClass + "\"，可选: Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ 劣Ⅴ"));
            return with(Comparison.BETTER_THAN, null, null, parsed.label());
        }

        /**
         * The comparator by its name as the DRL writes it ({@code "atLeast"}, {@code "between"}, …) with its
         * numbers as text, for criteria tables: {@code compare("between", "2", "3")}, {@code compare("completed", "", "")},
         * {@code compare("betterThan", "Ⅴ", "")}. An unknown name or a missing or surplus number is refused.
         */
        public Draft compare(String comparator, String value, String second) {
            ComparatorName name = ComparatorName.of(comparator)
                    .orElseThrow(() -> new IllegalArgumentException("比较方式 \"" + comparator + "\" 无效，可用: " + ComparatorName.names()));
            int given = (value == null || value.isBlank() ? 0 : 1) + (second == null || second.isBlank() ? 0 : 1);
            if (given != name.arity() || name.arity() == 1 && (value == null || value.isBlank())) {
                throw new IllegalArgumentException("比较方式 " + name.written() + " 需要 " + name.arity() + " 个目标值");
            }
            return switch (name) {
                case AT_LEAST -> atLeast(new BigDecimal(value.strip()));
                case AT_MOST -> atMost(new BigDecimal(value.strip()));
                case ABOVE -> above(new BigDecimal(value.strip()));
                case BETWEEN -> between(new BigDecimal(value.strip()), new BigDecimal(second.strip()));
                case AROUND -> around(new BigDecimal(value.strip()), new BigDecimal(second.strip()));
                case HOLD_AT_LEAST -> holdAtLeast(new BigDecimal(value.strip()));
                case HOLD_AT_MOST -> holdAtMost(new BigDecimal(value.strip()));
                case WITHIN_QUOTA -> withinQuota();
                case ABOVE_REFERENCE -> aboveReference();
                case BELOW_REFERENCE -> belowReference();
                case COMPLETED -> completed();
                case STARTED -> started();
                case BETTER_THAN -> betterThan(value.strip());
            };
        }

        /** Options by the names the DRL writes them with, comma-separated: {@code accumulating}, {@code onLatestReading}. */
        public Draft options(String options) {
            Draft draft = this;
            for (String option : options.split("[,，]")) {
                draft = switch (option.strip()) {
                    case "" -> draft;
                    case "accumulating" -> draft.accumulating();
                    case "onLatestReading" -> draft.onLatestReading();
                    default -> throw new IllegalArgumentException("选项 \"" + option.strip() + "\" 无效，可用: " + String.join(", ", OPTIONS));
                };
            }
            return draft;
        }

        /** Completion is measured from this start-of-year value (levels), not from 0. */
        public Draft from(Number baseline) {
            return new Draft(indicator, comparison, target, upper, targetText, decimal(baseline), checkpoints, accrues, finalBy, latestClass);
        }

        /** A rate reached by the year's end (覆盖率达到…, 年底前化解率…): pro-rated over the year like an addition. */
        public Draft accumulating() {
            return new Draft(indicator, comparison, target, upper, targetText, baseline, checkpoints, true, finalBy, latestClass);
        }

        /** When the final figure is due, if not at the default lag after the deadline. */
        public Draft finalBy(String date) {
            return new Draft(indicator, comparison, target, upper, targetText, baseline, checkpoints, accrues, LocalDate.parse(date), latestClass);
        }

        /** Judges a water class on its newest reading at the deadline, not on the mean of the year. */
        public Draft onLatestReading() {
            return new Draft(indicator, comparison, target, upper, targetText, baseline, checkpoints, accrues, finalBy, true);
        }

        /** Expected completion (per cent of the target) at the end of Q1, Q2, Q3 and Q4. */
        public Draft quarterly(Number q1, Number q2, Number q3, Number q4) {
            List<Double> expected = List.of(q1.doubleValue(), q2.doubleValue(), q3.doubleValue(), q4.doubleValue());
            for (int i = 1; i < expected.size(); i++) {
                if (expected.get(i) < expected.get(i - 1)) {
                    throw new IllegalArgumentException("季度进度应逐季不减: " + expected);
                }
            }
            return new Draft(indicator, comparison, target, upper, targetText, baseline, expected, accrues, finalBy, latestClass);
        }

        /** The deadline, as an ISO date: {@code by("2023-12-31")}. */
        public Criterion by(String deadline) {
            if (comparison == null) {
                throw new IllegalStateException("指标 " + indicator + " 的判定标准缺少比较方式（如 atLeast(…)、completed()）");
            }
            LocalDate due = LocalDate.parse(deadline);
            if (finalBy != null && finalBy.isBefore(due)) {
                throw new IllegalArgumentException("最终数据报送日期 " + finalBy + " 早于截止日期 " + due);
            }
            return new Criterion(indicator, comparison, target, upper, targetText, baseline, checkpoints, due, accrues, finalBy, latestClass);
        }

        private Draft with(Comparison comparison, Number target, Number upper, String targetText) {
            return new Draft(indicator, comparison, target == null ? null : decimal(target), upper == null ? null : decimal(upper),
                    targetText, baseline, checkpoints, accrues, finalBy, latestClass);
        }

        private static BigDecimal decimal(Number number) {
            return new BigDecimal(number.toString());
        }
    }
}
