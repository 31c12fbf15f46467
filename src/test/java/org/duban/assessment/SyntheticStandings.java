package org.duban.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.duban.catalog.IndicatorKind;
import org.duban.catalog.PlanDefinition;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSet.StatedCriterion;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Comparison;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.Indicator;
import org.duban.rules.facts.Report;
import org.duban.rules.facts.ReportingPeriod;
import org.duban.rules.facts.Reports;
import org.duban.rules.facts.Standing;

/**
 * In-memory regions for the engine's benchmarks and the reference judge's equivalence test: each region a
 * copy of one plan's indicators (zhoucun-2023: 141) with its own targets, deadlines and a year of reports,
 * varied so that every level and every cause occurs. Deterministic: the same seed gives the same regions.
 * The evaluation judges each region with its own rule set sharing the plan's compiled rule base, as the
 * districts of a city on one task list are judged in the product.
 */
final class SyntheticStandings {

    /** One region: its rule set (the plan's rule base, its own criteria), its indicators and their reports. */
    record Region(String code, RuleSet rules, List<Indicator> indicators, Map<String, Reports> reports) {

        Map<String, Standing> standings(AsOf asOf) {
            return Judge.standings(rules, asOf, indicators, reports);
        }
    }

    /** How a region's department keeps up with one indicator: the factor on what it should have by now, and reports left out. */
    private record Profile(double performance, int silentPeriods) {
    }

    private static final Profile[] PROFILES = {
            new Profile(1.15, 0), new Profile(1.02, 0), new Profile(1.0, 0), new Profile(0.93, 0), new Profile(0.85, 0),
            new Profile(0.75, 0), new Profile(0.6, 0), new Profile(0.35, 0), new Profile(1.0, 1), new Profile(0.9, 2),
            new Profile(0.8, 4), new Profile(0.7, 99), new Profile(1.3, 0), new Profile(1.6, 0)};

    private SyntheticStandings() {
    }

    static List<Indicator> indicators(PlanDefinition plan) {
        List<Indicator> indicators = new ArrayList<>();
        plan.tasks().forEach(task -> task.indicators().forEach(i -> indicators.add(
                new Indicator(i.code(), i.name(), i.unit(), i.kind(), i.frequency().name(), task.number()))));
        return List.copyOf(indicators);
    }

    /** {@code count} regions judged on {@code asOf}; the year's reports arrive until then. */
    static List<Region> of(RuleSet plan, List<Indicator> indicators, int count, long seed, LocalDate asOf) {
        List<Region> regions = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            regions.add(region(plan, indicators, String.format("r%04d", r + 1), new Random(seed * 1_000_003L + r), asOf));
        }
        return regions;
    }

    private static Region region(RuleSet plan, List<Indicator> indicators, String code, Random random, LocalDate asOf) {
        Map<String, StatedCriterion> criteria = new LinkedHashMap<>();
        Map<String, Reports> reports = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            StatedCriterion stated = plan.criterion(indicator.code()).orElseThrow();
            Criterion criterion = vary(stated.criterion(), random, asOf);
            criteria.put(indicator.code(), new StatedCriterion(criterion, stated.rule(), stated.file(), stated.line()));
            reports.put(indicator.code(), new Reports(indicator.code(),
                    reports(indicator, criterion, PROFILES[random.nextInt(PROFILES.length)], random, asOf)));
        }
        RuleSet rules = new RuleSet(plan.planCode() + "-" + code, plan.version(), plan.loadedAt(), plan.files(), criteria,
                plan.ruleFiles(), plan.rulePlaces(), plan.terms(), plan.kieBase(), plan.scope(), plan.sessions());
        return new Region(code, rules, indicators, reports);
    }

    /** The plan's criterion with the region's own numbers (×0.6 … ×1.5, whole numbers stay whole) and, now and then, a deadline near the as-of date. */
    private static Criterion vary(Criterion c, Random random, LocalDate asOf) {
        double factor = 0.6 + 0.9 * random.nextDouble();
        LocalDate deadline = c.deadline();
        LocalDate finalBy = c.finalBy();
        if (random.nextInt(6) == 0) {
            LocalDate moved = asOf.plusDays(random.nextInt(80) - 50);
            LocalDate yearEnd = LocalDate.of(c.deadline().getYear(), 12, 31);
            deadline = moved.isAfter(yearEnd) ? yearEnd : moved.isBefore(yearEnd.withDayOfYear(60)) ? yearEnd.withDayOfYear(60) : moved;
            finalBy = null;
        }
        boolean rate = c.comparison() == Comparison.ABOVE || c.comparison() == Comparison.AROUND;
        return new Criterion(c.indicator(), c.comparison(), rate ? c.target() : scale(c.target(), factor),
                c.comparison() == Comparison.AROUND ? c.upper() : scale(c.upper(), factor), c.targetText(), scale(c.baseline(), factor),
                c.checkpoints(), deadline, c.accumulating(), finalBy, c.latestClass());
    }

    private static BigDecimal scale(BigDecimal value, double factor) {
        if (value == null) {
            return null;
        }
        BigDecimal scaled = value.multiply(BigDecimal.valueOf(factor));
        if (value.stripTrailingZeros().scale() <= 0) {
            return scaled.setScale(0, RoundingMode.HALF_UP).max(value.signum() > 0 ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        return scaled.setScale(2, RoundingMode.HALF_UP);
    }

    /** A report at the end of each period that has arrived by the as-of date (10 days' grace), but for the silent last ones. */
    private static List<Report> reports(Indicator indicator, Criterion c, Profile profile, Random random, LocalDate asOf) {
        LocalDate yearStart = LocalDate.of(c.deadline().getYear(), 1, 1);
        List<LocalDate> days = new ArrayList<>();
        for (ReportingPeriod period : ReportingPeriod.until(indicator.frequency(), yearStart, c.deadline())) {
            LocalDate day = period.end().isAfter(c.deadline()) ? c.deadline() : period.end();
            if (!day.plusDays(10).isAfter(asOf)) {
                days.add(day);
            }
        }
        List<Report> reports = new ArrayList<>();
        int kept = Math.max(0, days.size() - profile.silentPeriods());
        BigDecimal reference = reference(indicator, c, random);
        for (int i = 0; i < kept; i++) {
            LocalDate day = days.get(i);
            double time = c.timeProgress(day, yearStart) / 100;
            // a little noise per report, so trends are not straight lines
            double performance = profile.performance() * (0.95 + 0.1 * random.nextDouble());
            reports.add(report(indicator, c, day, time, performance, i == 0 || indicator.kind() != IndicatorKind.LEVEL ? reference : null));
        }
        return reports;
    }

    private static BigDecimal reference(Indicator indicator, Criterion c, Random random) {
        return switch (indicator.kind()) {
            case CEILING -> BigDecimal.valueOf(500 + random.nextInt(5000));
            case RELATIVE -> random.nextInt(12) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(20 + random.nextInt(80));
            case LEVEL -> c.baseline() == null && c.target() != null && random.nextBoolean()
                    ? c.target().multiply(BigDecimal.valueOf(0.8)).setScale(0, RoundingMode.HALF_UP) : null;
            default -> null;
        };
    }

    private static Report report(Indicator indicator, Criterion c, LocalDate day, double time, double performance, BigDecimal reference) {
        return switch (c.comparison()) {
            case COMPLETED, STARTED -> new Report(day, null, performance >= 1.1 && time > 0.6 ? Reports.COMPLETED
                    : performance >= 0.8 ? Reports.IN_PROGRESS : Reports.NOT_STARTED, null);
            case BETTER_THAN -> new Report(day, null, performance >= 0.95 ? "Ⅲ类" : performance >= 0.8 ? "Ⅳ类"
                    : performance >= 0.5 ? "Ⅴ类" : "劣Ⅴ类", null);
            case WITHIN_QUOTA -> new Report(day, number(reference.doubleValue() * time * (2 - performance)), null, reference);
            case ABOVE_REFERENCE -> new Report(day, number(reference.doubleValue() * performance), null, reference);
            case BELOW_REFERENCE -> new Report(day, number(reference.doubleValue() / performance), null, reference);
            case ABOVE -> new Report(day, number(c.target().doubleValue() + (performance - 0.9) * 20), null, reference);
            case AROUND -> new Report(day, number(c.target().doubleValue() + (performance - 1) * 4 * c.upper().doubleValue()), null, reference);
            case AT_MOST, HOLD_AT_MOST -> new Report(day, number(c.target().doubleValue() * (paced(indicator, c) ? time : 1) / performance), null, reference);
            case HOLD_AT_LEAST -> new Report(day, number(c.target().doubleValue() * performance), null, reference);
            case AT_LEAST, BETWEEN -> {
                if (!paced(indicator, c)) {
                    yield new Report(day, number(c.target().doubleValue() * performance), null, reference);
                }
                double start = c.baseline() != null ? c.baseline().doubleValue() : reference != null ? reference.doubleValue() : 0;
                double value = start + (c.target().doubleValue() - start) * Math.min(1.2, time * performance);
                boolean whole = c.target().stripTrailingZeros().scale() <= 0;
                yield new Report(day, whole ? BigDecimal.valueOf(Math.round(value)) : number(value), null, reference);
            }
        };
    }

    /** Additions, levels and accumulating rates build up over the year; other rates and growths stand where they are. */
    private static boolean paced(Indicator indicator, Criterion c) {
        return indicator.kind() == IndicatorKind.ADDITION || indicator.kind() == IndicatorKind.LEVEL || c.accumulating();
    }

    private static BigDecimal number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
