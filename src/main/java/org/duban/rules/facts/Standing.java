package org.duban.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where one indicator stands on the as-of date: its criterion joined with its reports, measured
 * once in Java ({@link Standings}) so that the judging rules of {@code rules/common/judging.drl}
 * only compare these numbers with the thresholds of {@code levels.drl}.
 *
 * @param judgedAt           the date the newest report refers to; progress is judged there, not at the as-of
 *                           date (null when nothing is reported)
 * @param timeProgress       share of the period elapsed on {@code judgedAt} (on the as-of date without a report), %
 * @param completion         PACE: (actual − baseline) / (target − baseline), %
 * @param lag                PACE: percentage points behind time progress; in whole units for counts of things
 *                           (家, 个, 项 …) up to {@link Standings#WHOLE_UNITS_UP_TO}
 * @param expectedUnits      PACE with whole units: ⌊(target − baseline) × time progress⌋, else −1
 * @param projected          PACE and QUOTA with two reports or more (not counts up to {@link Standings#LUMPS_UP_TO}, which
 *                           arrive in lumps): the least-squares value at the deadline
 * @param projectedShortfall PACE: how far the projection falls short of the target, % of the target
 * @param gap                THRESHOLD, HOLD: how far the value is from the target, % of the target (points when the
 *                           target is 0); 0 when reached
 * @param quotaUsed          QUOTA: value / quota, %
 * @param missedPeriods      due periods (period end + grace, or the final figure's due day, passed) after the
 *                           newest report; a newer report covers the periods before it
 * @param reached            the newest figures satisfy the target as they stand
 * @param metForGood         an addition that reached its target, a milestone done (or started, for STARTED): it
 *                           cannot be undone
 * @param met                met for good, or reached on the final figure (a report dated on or after the deadline)
 * @param broken             HOLD: the first report across the line; QUOTA: the first over the quota; else null
 */
public record Standing(Indicator indicator, Criterion criterion, Measure measure, LocalDate asOf, LocalDate judgedAt,
                       BigDecimal actual, String status, BigDecimal reference, BigDecimal baseline, int reports,
                       double timeProgress, double completion, double lag, double expectedUnits,
                       boolean hasTrend, double projected, double projectedShortfall,
                       double gap, double quotaUsed, int missedPeriods, String firstMissed,
                       boolean reached, boolean metForGood, boolean met, boolean finalFigure,
                       boolean beforeDeadline, long daysToDeadline, LocalDate finalDue, boolean finalOverdue,
                       Report broken, WaterClass waterClass, WaterClass annualClass, WaterClass targetClass) {

    public String code() {
        return indicator.code();
    }

    public boolean isReported() {
        return judgedAt != null;
    }

    /** QUOTA: percentage points the quota is used ahead of time progress. */
    public double quotaAhead() {
        return quotaUsed - timeProgress;
    }

    /** QUOTA: the projection exceeds the quota. */
    public boolean projectedOverQuota() {
        BigDecimal quota = quota();
        return hasTrend && quota != null && projected > quota.doubleValue();
    }

    /** QUOTA: the quota the value is held to (reported with it, or the criterion's number). */
    public BigDecimal quota() {
        return criterion.comparison() == Comparison.WITHIN_QUOTA ? reference : criterion.target();
    }

    /** WATER: the newest reading is worse than the class to eliminate (劣Ⅴ against Ⅴ). */
    public boolean worseThanTarget() {
        return waterClass != null && targetClass != null && waterClass.ordinal() > targetClass.ordinal();
    }

    /** WATER: the newest reading is the class to eliminate itself (Ⅴ against Ⅴ): not yet a breach. */
    public boolean atTargetClass() {
        return waterClass != null && waterClass == targetClass;
    }

    /** MILESTONE: nothing started (未启动 reported, or no status at all). */
    public boolean notStarted() {
        return Reports.NOT_STARTED.equals(status);
    }
}
