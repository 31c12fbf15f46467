package org.duban.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 */
public record Criterion(String indicator, Comparison comparison, BigDecimal target, BigDecimal upper,
                        String targetText, LocalDate deadline) {

    public Criterion {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(deadline, "deadline");
    }

    public static Draft of(String indicator) {
        return new Draft(indicator, null, null, null, null);
    }

    /** A criterion still missing its deadline. */
    public record Draft(String indicator, Comparison comparison, BigDecimal target, BigDecimal upper, String targetText) {

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

        /** The deadline, as an ISO date: {@code by("2023-12-31")}. */
        public Criterion by(String deadline) {
            if (comparison == null) {
                throw new IllegalStateException("指标 " + indicator + " 的判定标准缺少比较方式（如 atLeast(…)、completed()）");
            }
            return new Criterion(indicator, comparison, target, upper, targetText, LocalDate.parse(deadline));
        }

        private Draft with(Comparison comparison, Number target, Number upper, String targetText) {
            return new Draft(indicator, comparison, target == null ? null : decimal(target), upper == null ? null : decimal(upper), targetText);
        }

        private static BigDecimal decimal(Number number) {
            return new BigDecimal(number.toString());
        }
    }
}
