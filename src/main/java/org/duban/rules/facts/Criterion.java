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
 * @param target     the threshold (lower bound for {@code BETWEEN}); null where the target is a
 *                   status, a class or a reported reference
 * @param upper      the upper bound of {@code BETWEEN}, else null
 * @param targetText the target class of {@code BETTER_THAN} (e.g. "Ⅴ"), else null
 * @param baseline   the start-of-year value completion is measured from ({@code from(n)}); null
 *                   means 0 for additions, and for levels the first report's reference if any
 * @param checkpoints expected completion in per cent at the end of each quarter
 *                   ({@code quarterly(…)}), or empty to measure time progress day by day
 */
public record Criterion(String indicator, Comparison comparison, BigDecimal target, BigDecimal upper,
                        String targetText, BigDecimal baseline, List<Double> checkpoints, LocalDate deadline) {

    public Criterion {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(deadline, "deadline");
        checkpoints = List.copyOf(checkpoints);
    }

    public static Draft of(String indicator) {
        return new Draft(indicator, null, null, null, null, null, List.of());
    }

    /**
     * Share of the plan period elapsed on the as-of date, in per cent: from 1 January to the
     * deadline, counting both days; or, with quarterly checkpoints, the expectation of the last
     * quarter that has ended.
     */
    public double timeProgress(AsOf asOf) {
        if (!checkpoints.isEmpty()) {
            double expected = 0;
            for (int quarter = 0; quarter < checkpoints.size(); quarter++) {
                LocalDate end = LocalDate.of(deadline.getYear(), 3 * (quarter + 1), 1).plusMonths(1).minusDays(1);
                if (!asOf.date().isBefore(end)) {
                    expected = checkpoints.get(quarter);
                }
            }
            return expected;
        }
        long total = ChronoUnit.DAYS.between(asOf.yearStart(), deadline) + 1;
        long elapsed = ChronoUnit.DAYS.between(asOf.yearStart(), asOf.date()) + 1;
        return total <= 0 ? 100 : Math.max(0, Math.min(100, 100.0 * elapsed / total));
    }

    /** Whether the reports meet this criterion, as far as they go. */
    public boolean metBy(Reports reports) {
        if (reports.isEmpty()) {
            return false;
        }
        BigDecimal value = reports.latestValue();
        BigDecimal reference = reports.latestReference();
        return switch (comparison) {
            case AT_LEAST -> value != null && value.compareTo(target) >= 0;
            case AT_MOST -> value != null && value.compareTo(target) <= 0;
            case BETWEEN -> value != null && value.compareTo(target) >= 0;
            case HOLD_AT_LEAST -> reports.firstBelow(target).isEmpty() && value != null;
            case WITHIN_QUOTA -> value != null && reference != null && value.compareTo(reference) <= 0;
            case ABOVE_REFERENCE -> value != null && reference != null && value.compareTo(reference) > 0;
            case BELOW_REFERENCE -> value != null && reference != null && value.compareTo(reference) < 0;
            case COMPLETED -> Reports.COMPLETED.equals(reports.status());
            case BETTER_THAN -> reports.waterClass().map(c -> c.betterThan(WaterClass.parse(targetText).orElseThrow())).orElse(false);
        };
    }

    /** A criterion still missing its deadline. */
    public record Draft(String indicator, Comparison comparison, BigDecimal target, BigDecimal upper, String targetText,
                        BigDecimal baseline, List<Double> checkpoints) {

        public Draft atLeast(Number value) {
            return with(Comparison.AT_LEAST, value, null, null);
        }

        public Draft atMost(Number value) {
            return with(Comparison.AT_MOST, value, null, null);
        }

        public Draft between(Number low, Number high) {
            if (decimal(low).compareTo(decimal(high)) > 0) {
                throw new IllegalArgumentException("区间下限 " + low + " 大于上限 " + high);
            }
            return with(Comparison.BETWEEN, low, high, null);
        }

        public Draft holdAtLeast(Number value) {
            return with(Comparison.HOLD_AT_LEAST, value, null, null);
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

        public Draft betterThan(String waterClass) {
            WaterClass parsed = WaterClass.parse(waterClass)
                    .orElseThrow(() -> new IllegalArgumentException("未知水质类别 \"" + waterClass + "\"，可选: Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ 劣Ⅴ"));
            return with(Comparison.BETTER_THAN, null, null, parsed.label());
        }

        /** Completion is measured from this start-of-year value (levels), not from 0. */
        public Draft from(Number baseline) {
            return new Draft(indicator, comparison, target, upper, targetText, decimal(baseline), checkpoints);
        }

        /** Expected completion (per cent of the target) at the end of Q1, Q2, Q3 and Q4. */
        public Draft quarterly(Number q1, Number q2, Number q3, Number q4) {
            List<Double> expected = List.of(q1.doubleValue(), q2.doubleValue(), q3.doubleValue(), q4.doubleValue());
            for (int i = 1; i < expected.size(); i++) {
                if (expected.get(i) < expected.get(i - 1)) {
                    throw new IllegalArgumentException("季度进度应逐季不减: " + expected);
                }
            }
            return new Draft(indicator, comparison, target, upper, targetText, baseline, expected);
        }

        /** The deadline, as an ISO date: {@code by("2023-12-31")}. */
        public Criterion by(String deadline) {
            if (comparison == null) {
                throw new IllegalStateException("指标 " + indicator + " 的判定标准缺少比较方式（如 atLeast(…)、completed()）");
            }
            return new Criterion(indicator, comparison, target, upper, targetText, baseline, checkpoints, LocalDate.parse(deadline));
        }

        private Draft with(Comparison comparison, Number target, Number upper, String targetText) {
            return new Draft(indicator, comparison, target == null ? null : decimal(target), upper == null ? null : decimal(upper),
                    targetText, baseline, checkpoints);
        }

        private static BigDecimal decimal(Number number) {
            return new BigDecimal(number.toString());
        }
    }
}
