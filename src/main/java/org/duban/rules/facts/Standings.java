package org.duban.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.duban.catalog.IndicatorKind;

/**
 * Measures where an indicator stands ({@link Standing}): the arithmetic of judging, kept out of the
 * rules so that they read like the plan. Pure: same inputs, same standing.
 */
public final class Standings {

    /** Counts of things up to this size count lag in whole units: a target of 1 is not behind in April. */
    public static final int WHOLE_UNITS_UP_TO = 100;

    /** Counts this small arrive in lumps (a museum, three green factories): no trend is projected for them. */
    public static final int LUMPS_UP_TO = 10;

    /** Units that count things, not amounts (not 亿元, 公里, 平方公里). */
    public static final Set<String> COUNTABLE = Set.of("人", "个", "家", "项", "处", "台", "户", "场", "所", "条", "件",
            "片区", "起", "条(个)", "名", "座", "次", "批", "辆", "所(个)");

    private Standings() {
    }

    public static Standing of(Indicator indicator, Criterion criterion, Reports reports, AsOf asOf, ReportingTerms terms) {
        LocalDate yearStart = asOf.yearStart();
        Report newest = reports.latest();
        LocalDate judgedAt = newest == null ? null : newest.date();
        double time = criterion.timeProgress(judgedAt == null ? asOf.date() : judgedAt, yearStart);
        Measure measure = measure(indicator, criterion, reports);
        BigDecimal actual = newest == null ? null : newest.value();
        BigDecimal reference = reports.latestReference();
        BigDecimal baseline = baseline(indicator, criterion, reports);

        double completion = 0;
        double lag = 0;
        double expectedUnits = -1;
        double gap = 0;
        double quotaUsed = 0;
        Report broken = null;
        boolean reached;
        boolean forGood = false;
        WaterClass waterClass = null;
        WaterClass annual = null;
        WaterClass targetClass = null;
        switch (measure) {
            case PACE -> {
                reached = actual != null && actual.compareTo(criterion.target()) >= 0;
                forGood = reached && indicator.kind() == IndicatorKind.ADDITION;
                if (actual != null) {
                    double span = criterion.target().subtract(baseline).doubleValue();
                    double done = actual.subtract(baseline).doubleValue();
                    completion = span <= 0 ? (done >= span ? 100 : 0) : 100.0 * done / span;
                    if (COUNTABLE.contains(indicator.unitOrEmpty()) && wholeUnits(criterion.target().subtract(baseline))) {
                        expectedUnits = Math.floor(span * time / 100 + 1e-9);
                        lag = 100.0 * (expectedUnits - done) / span;
                    } else {
                        lag = time - completion;
                    }
                }
            }
            case STOCK -> reached = actual != null && actual.compareTo(criterion.target()) >= 0;
            case THRESHOLD -> {
                reached = criterion.satisfiedBy(actual, reference);
                gap = reached ? 0 : gap(criterion, actual, reference);
            }
            case HOLD -> {
                broken = reports.reports().stream().filter(r -> !criterion.satisfiedBy(r.value(), null)).findFirst().orElse(null);
                reached = actual != null && broken == null;
                gap = criterion.satisfiedBy(actual, null) ? 0 : gap(criterion, actual, null);
            }
            case QUOTA -> {
                BigDecimal quota = criterion.comparison() == Comparison.WITHIN_QUOTA ? reference : criterion.target();
                reached = actual != null && quota != null && actual.compareTo(quota) <= 0;
                if (actual != null && quota != null) {
                    quotaUsed = quota.signum() == 0 ? (actual.signum() == 0 ? 0 : 1000) : 100.0 * actual.doubleValue() / quota.doubleValue();
                    broken = reports.reports().stream().filter(r -> r.value() != null && r.value().compareTo(quotaAt(criterion, r, quota)) > 0)
                            .findFirst().orElse(null);
                }
            }
            case MILESTONE -> {
                String status = reports.status();
                reached = Reports.COMPLETED.equals(status)
                        || criterion.comparison() == Comparison.STARTED && Reports.IN_PROGRESS.equals(status);
                forGood = reached;
            }
            case WATER -> {
                targetClass = WaterClass.parse(criterion.targetText()).orElseThrow();
                waterClass = reports.waterClass().orElse(null);
                annual = criterion.latestClass() ? waterClass : annualClass(reports);
                reached = annual != null && annual.betterThan(targetClass);
            }
            default -> throw new IllegalStateException("unknown measure " + measure);
        }
        boolean lumps = measure == Measure.PACE && expectedUnits >= 0
                && criterion.target().subtract(baseline).compareTo(BigDecimal.valueOf(LUMPS_UP_TO)) <= 0;
        boolean trend = (measure == Measure.PACE || measure == Measure.QUOTA) && numbers(reports) >= 2 && !lumps;
        double projected = trend ? projection(reports, measure == Measure.PACE ? baseline : BigDecimal.ZERO, yearStart, criterion.deadline()) : 0;
        // a whole-unit target is short only by whole units: 2.6 of 3 platforms projects 3
        double counted = expectedUnits >= 0 ? Math.round(projected) : projected;
        double shortfall = trend && measure == Measure.PACE ? shortfall(criterion.target(), counted) : 0;

        boolean finalFigure = newest != null && !newest.date().isBefore(criterion.deadline());
        boolean met = forGood || finalFigure && reached;
        LocalDate finalDue = terms.finalDue(criterion, indicator.frequency());
        Missed missed = forGood ? new Missed(0, null) : missed(indicator.frequency(), criterion, newest, finalFigure, asOf, terms, finalDue);
        return new Standing(indicator, criterion, measure, asOf.date(), judgedAt, actual,
                measure == Measure.MILESTONE ? reports.status() : newest == null ? null : newest.text(), reference, baseline,
                reports.count(), time, completion, lag, expectedUnits, trend, projected, shortfall, gap, quotaUsed,
                missed.count(), missed.first(), reached, forGood, met, finalFigure, !asOf.isAfter(criterion.deadline()),
                asOf.daysUntil(criterion.deadline()), finalDue, asOf.isAfter(finalDue), broken, waterClass, annual, targetClass);
    }

    static Measure measure(Indicator indicator, Criterion criterion, Reports reports) {
        return switch (criterion.comparison()) {
            case COMPLETED, STARTED -> Measure.MILESTONE;
            case BETTER_THAN -> Measure.WATER;
            case HOLD_AT_LEAST, HOLD_AT_MOST -> Measure.HOLD;
            case WITHIN_QUOTA -> Measure.QUOTA;
            case ABOVE, AROUND, ABOVE_REFERENCE, BELOW_REFERENCE -> Measure.THRESHOLD;
            case AT_MOST -> indicator.kind() == IndicatorKind.ADDITION || indicator.kind() == IndicatorKind.LEVEL ? Measure.QUOTA : Measure.THRESHOLD;
            case AT_LEAST, BETWEEN -> switch (indicator.kind()) {
                case ADDITION -> Measure.PACE;
                case LEVEL -> baseline(indicator, criterion, reports) == null ? Measure.STOCK : Measure.PACE;
                default -> criterion.accumulating() ? Measure.PACE : Measure.THRESHOLD;
            };
        };
    }

    /** Additions and accumulating rates start from 0; levels from {@code from(n)} or the year's first reported reference. */
    static BigDecimal baseline(Indicator indicator, Criterion criterion, Reports reports) {
        if (criterion.baseline() != null) {
            return criterion.baseline();
        }
        if (indicator.kind() == IndicatorKind.LEVEL) {
            return reports.isEmpty() ? null : reports.reports().get(0).reference();
        }
        return BigDecimal.ZERO;
    }

    private static boolean wholeUnits(BigDecimal span) {
        return span.signum() > 0 && span.stripTrailingZeros().scale() <= 0 && span.compareTo(BigDecimal.valueOf(WHOLE_UNITS_UP_TO)) <= 0;
    }

    /** How far a value is from its threshold, in per cent of the threshold (in points when the threshold is 0). */
    private static double gap(Criterion criterion, BigDecimal actual, BigDecimal reference) {
        if (actual == null) {
            return 0;
        }
        double value = actual.doubleValue();
        return switch (criterion.comparison()) {
            case AT_LEAST, ABOVE, HOLD_AT_LEAST -> relative(criterion.target().doubleValue() - value, criterion.target().doubleValue());
            case AT_MOST, HOLD_AT_MOST -> relative(value - criterion.target().doubleValue(), criterion.target().doubleValue());
            case AROUND -> relative(Math.abs(value - criterion.target().doubleValue()) - criterion.upper().doubleValue(), criterion.target().doubleValue());
            case ABOVE_REFERENCE -> reference == null ? 0 : relative(reference.doubleValue() - value, reference.doubleValue());
            case BELOW_REFERENCE -> reference == null ? 0 : reference.signum() == 0 ? 100 : relative(value - reference.doubleValue(), reference.doubleValue());
            default -> 0;
        };
    }

    private static double relative(double distance, double of) {
        double d = Math.max(0, distance);
        return of == 0 ? d : 100.0 * d / Math.abs(of);
    }

    private static BigDecimal quotaAt(Criterion criterion, Report report, BigDecimal latestQuota) {
        if (criterion.comparison() == Comparison.WITHIN_QUOTA && report.reference() != null) {
            return report.reference();
        }
        return latestQuota;
    }

    private static double shortfall(BigDecimal target, double projected) {
        double t = target.doubleValue();
        return t <= 0 ? 0 : Math.max(0, 100.0 * (t - projected) / t);
    }

    private static long numbers(Reports reports) {
        return reports.reports().stream().filter(r -> r.value() != null).count();
    }

    /** The mean of the year's readings (Ⅰ=1 … 劣Ⅴ=6), rounded to the worse class. */
    static WaterClass annualClass(Reports reports) {
        List<WaterClass> readings = reports.reports().stream().map(r -> Optional.ofNullable(r.text()).flatMap(WaterClass::parse))
                .flatMap(Optional::stream).toList();
        if (readings.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.valueOf(readings.stream().mapToInt(c -> c.ordinal() + 1).sum());
        int mean = sum.divide(BigDecimal.valueOf(readings.size()), 0, RoundingMode.CEILING).intValue();
        return WaterClass.values()[mean - 1];
    }

    private record Missed(int count, String first) {
    }

    /** Due periods after the newest report; the final period is covered only by the final figure. */
    private static Missed missed(String frequency, Criterion criterion, Report newest, boolean finalFigure, AsOf asOf,
                                 ReportingTerms terms, LocalDate finalDue) {
        List<ReportingPeriod> periods = ReportingPeriod.until(frequency, asOf.yearStart(), criterion.deadline());
        int count = 0;
        String first = null;
        for (int i = 0; i < periods.size(); i++) {
            ReportingPeriod period = periods.get(i);
            boolean last = i == periods.size() - 1;
            LocalDate due = last ? finalDue : period.end().plusDays(terms.graceDays());
            boolean covered = last ? finalFigure : newest != null && !newest.date().isBefore(period.start());
            if (asOf.isAfter(due) && !covered) {
                count++;
                first = first == null ? period.label() : first;
            }
        }
        return new Missed(count, first);
    }

    /** The value at the deadline on the least-squares line through the baseline on 1 January and every report. */
    private static double projection(Reports reports, BigDecimal baseline, LocalDate yearStart, LocalDate deadline) {
        int n = 1;
        double sumX = 0;
        double sumY = baseline.doubleValue();
        double sumXY = 0;
        double sumXX = 0;
        for (Report report : reports.reports()) {
            if (report.value() == null) {
                continue;
            }
            double x = ChronoUnit.DAYS.between(yearStart, report.date()) + 1;
            double y = report.value().doubleValue();
            n++;
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
        return intercept + slope * (ChronoUnit.DAYS.between(yearStart, deadline) + 1);
    }
}
