package org.duban.rules.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.duban.catalog.IndicatorKind;

/**
 * How far an addition or level has come on the as-of date, for criteria with a numeric target:
 * <ul>
 * <li>time progress: share of the period elapsed (see {@link Criterion#timeProgress});</li>
 * <li>completion = (actual − baseline) / (target − baseline), in per cent;</li>
 * <li>lag = time progress − completion, in percentage points;</li>
 * <li>projected: the value at the deadline on the straight line fitted (least squares) through
 *     the baseline on 1 January and every report.</li>
 * </ul>
 */
public record Progress(Indicator indicator, Criterion criterion, AsOf asOf, BigDecimal actual, LocalDate reportedOn,
                       BigDecimal baseline, double timeProgress, double completion, double lag, double projected,
                       int reports, boolean beforeDeadline, boolean met) {

    public static Progress of(Indicator indicator, Criterion criterion, Reports reports, AsOf asOf) {
        BigDecimal baseline = baseline(indicator, criterion, reports);
        BigDecimal actual = reports.latestValue();
        double time = criterion.timeProgress(asOf);
        double span = criterion.target().subtract(baseline).doubleValue();
        double done = actual.subtract(baseline).doubleValue();
        double completion = span <= 0 ? (done >= span ? 100 : 0) : 100.0 * done / span;
        return new Progress(indicator, criterion, asOf, actual, reports.latestDate(), baseline, time, completion,
                time - completion, projection(reports, baseline, asOf, criterion.deadline()), reports.count(),
                !asOf.isAfter(criterion.deadline()), criterion.metBy(reports));
    }

    /** How much the projection falls short of the target, in per cent of the target (0 when it does not). */
    public double projectedShortfall() {
        double target = criterion.target().doubleValue();
        return target <= 0 ? 0 : Math.max(0, 100.0 * (target - projected) / target);
    }

    private static BigDecimal baseline(Indicator indicator, Criterion criterion, Reports reports) {
        if (criterion.baseline() != null) {
            return criterion.baseline();
        }
        if (indicator.kind() == IndicatorKind.LEVEL && reports.reports().get(0).reference() != null) {
            return reports.reports().get(0).reference();
        }
        return BigDecimal.ZERO;
    }

    private static double projection(Reports reports, BigDecimal baseline, AsOf asOf, LocalDate deadline) {
        int n = reports.count() + 1;
        double sumX = 0;
        double sumY = baseline.doubleValue();
        double sumXY = 0;
        double sumXX = 0;
        for (Report report : reports.reports()) {
            double x = ChronoUnit.DAYS.between(asOf.yearStart(), report.date()) + 1;
            double y = report.value().doubleValue();
            sumX += x;
            sumY += y;
            sumXY += x * y;
            sumXX += x * x;
        }
        double denominator = n * sumXX - sumX * sumX;
        if (denominator == 0) {
            return reports.latestValue().doubleValue();
        }
        double slope = (n * sumXY - sumX * sumY) / denominator;
        double intercept = (sumY - slope * sumX) / n;
        double deadlineX = ChronoUnit.DAYS.between(asOf.yearStart(), deadline) + 1;
        return new BigDecimal(intercept + slope * deadlineX, MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public String toString() {
        return String.format("Progress[%s 实际=%s 完成=%.1f%% 时间进度=%.1f%% 滞后=%.1f 预计=%.1f]",
                indicator.code(), actual.toPlainString(), completion, timeProgress, lag, projected);
    }
}
