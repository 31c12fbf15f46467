package org.duban.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.duban.catalog.Frequency;
import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.collection.ObservationInput;
import org.duban.rules.facts.Comparison;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.ReportingPeriod;
import org.duban.rules.facts.Standings;

/**
 * Simulates a year of reports for every indicator, the same every time (seeded by the indicator's
 * code). Most indicators are on track, some lag, a few miss the year; 孝妇河袁家桥 is reported
 * class Ⅴ in some months; the graduate placement rate is below 85% for two quarters; some
 * reports are missing and some come in late. Every value carries the note "模拟数据".
 */
final class DemoData {

    static final String NOTE = "模拟数据";

    enum Profile { ON_TRACK, LAGGING, MISSED, SILENT }

    private static final String[] WATER = {"Ⅳ", "Ⅳ", "Ⅴ", "Ⅳ", "Ⅲ", "Ⅴ", "Ⅴ", "Ⅳ", "Ⅴ", "Ⅳ", "Ⅳ", "Ⅳ"};

    private final int year;

    DemoData(int year) {
        this.year = year;
    }

    List<ObservationInput> generate(List<Indicator> indicators, Map<String, Criterion> criteria) {
        List<ObservationInput> all = new ArrayList<>();
        for (Indicator indicator : indicators) {
            Criterion criterion = criteria.get(indicator.code());
            if (criterion != null) {
                all.addAll(series(indicator, criterion));
            }
        }
        return all;
    }

    /** Which way an indicator goes: fixed by its code, so every run and every machine agree. */
    static Profile profile(String code) {
        return switch (code) {
            case "T27-1", "T35-1" -> Profile.MISSED;          // the river section and the Yellow River quota: red
            case "T54-3" -> Profile.LAGGING;                  // placement rate below 85% for a while
            case "T54-1", "T22-1", "T18-2" -> Profile.ON_TRACK;
            default -> {
                int bucket = Math.floorMod(code.hashCode() * 31 + 7, 20);
                yield bucket < 13 ? Profile.ON_TRACK : bucket < 16 ? Profile.LAGGING : bucket < 18 ? Profile.MISSED : Profile.SILENT;
            }
        };
    }

    private List<ObservationInput> series(Indicator indicator, Criterion criterion) {
        Random random = new Random(indicator.code().hashCode() * 2023L);
        Profile profile = profile(indicator.code());
        List<ObservationInput> rows = new ArrayList<>();
        BigDecimal reference = reference(indicator, criterion, random);
        for (LocalDate end : periodEnds(indicator.frequency())) {
            if (profile == Profile.SILENT && end.getMonthValue() > 6 && !rows.isEmpty()) {
                break; // stops reporting after June: the BLUE "missing" notices
            }
            double share = (end.getDayOfYear()) / (double) LocalDate.of(year, 12, 31).getDayOfYear();
            Object value = value(indicator, criterion, profile, share, end, random, reference);
            Object ref = needsReference(indicator) ? referenceFor(indicator, criterion, reference, share) : null;
            if (indicator.kind() == IndicatorKind.LEVEL && rows.isEmpty()) {
                ref = reference; // the start-of-year stock, which completion is measured from
            }
            int delay = random.nextInt(10) < 1 ? 14 + random.nextInt(10) : 1 + random.nextInt(8);
            rows.add(new ObservationInput(indicator.code(), end.toString(), value, ref, NOTE, null,
                    end.plusDays(delay).atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(ZoneId.systemDefault()).toInstant(),
                    "演示数据 " + indicator.code() + " " + end, Map.of()));
        }
        return rows;
    }

    private Object value(Indicator indicator, Criterion criterion, Profile profile, double share, LocalDate end, Random random, BigDecimal reference) {
        return switch (indicator.kind()) {
            case WATER_CLASS -> WATER[end.getMonthValue() - 1];
            case MILESTONE -> status(profile, end.getMonthValue());
            case ADDITION -> round(indicator, criterion.target().doubleValue() * share * pace(profile, share, random));
            case LEVEL -> {
                double base = reference.doubleValue();
                yield round(indicator, base + (criterion.target().doubleValue() - base) * share * pace(profile, share, random));
            }
            case RATE, GROWTH -> rate(indicator, criterion, profile, end, random);
            case CEILING -> round(indicator, reference.doubleValue() * share * (profile == Profile.MISSED ? 1.45 : 0.93 + random.nextDouble() * 0.04));
            case RELATIVE -> relative(criterion, profile, reference, share, random);
        };
    }

    /** How far ahead of (above 1) or behind the clock an addition runs; misses fall further behind. */
    private static double pace(Profile profile, double share, Random random) {
        return switch (profile) {
            case ON_TRACK, SILENT -> 1.02 + random.nextDouble() * 0.10;
            case LAGGING -> 0.70 + random.nextDouble() * 0.04 + 0.15 * share;
            case MISSED -> 0.50 + random.nextDouble() * 0.05;
        };
    }

    private Object rate(Indicator indicator, Criterion criterion, Profile profile, LocalDate end, Random random) {
        double target = criterion.target().doubleValue();
        if (indicator.code().equals("T54-3")) {
            return end.getMonthValue() <= 3 ? 86.2 : end.getMonthValue() <= 9 ? (end.getMonthValue() <= 6 ? 82.5 : 83.4) : 87.1;
        }
        double value = switch (profile) {
            case ON_TRACK, SILENT -> target + random.nextDouble() * 2;
            case LAGGING -> target - 2 - random.nextDouble() * 3;
            case MISSED -> target - 6 - random.nextDouble() * 4;
        };
        if (criterion.comparison() == Comparison.HOLD_AT_LEAST && profile != Profile.MISSED) {
            value = Math.max(value, target);
        }
        if (indicator.kind() == IndicatorKind.RATE) {
            value = Math.min(100, Math.max(0, value));
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static Object relative(Criterion criterion, Profile profile, BigDecimal reference, double share, Random random) {
        boolean better = profile == Profile.ON_TRACK || profile == Profile.SILENT;
        double delta = (0.3 + random.nextDouble()) * (better ? 1 : -1);
        double value = criterion.comparison() == Comparison.BELOW_REFERENCE
                ? reference.doubleValue() * share - delta * Math.max(1, reference.doubleValue() * share * 0.1)
                : reference.doubleValue() + delta;
        return BigDecimal.valueOf(Math.max(0, value)).setScale(1, RoundingMode.HALF_UP);
    }

    private static String status(Profile profile, int month) {
        return switch (profile) {
            case ON_TRACK, SILENT -> month <= 2 ? "未启动" : month < 11 ? "推进中" : "已完成";
            case LAGGING -> month <= 9 ? "未启动" : "推进中";
            case MISSED -> month <= 5 ? "未启动" : "推进中";
        };
    }

    /** The quota, reference or start-of-year stock an indicator is measured against. */
    private static BigDecimal reference(Indicator indicator, Criterion criterion, Random random) {
        return switch (indicator.kind()) {
            case LEVEL -> BigDecimal.valueOf(criterion.target().doubleValue() * (0.80 + random.nextDouble() * 0.08)).setScale(criterion.target().scale() > 0 ? 2 : 0, RoundingMode.HALF_UP);
            case CEILING -> BigDecimal.valueOf(indicator.code().equals("T35-1") ? 800 : 5000);
            case RELATIVE -> BigDecimal.valueOf(criterion.comparison() == Comparison.BELOW_REFERENCE ? 12 + random.nextInt(20) : 8 + random.nextInt(60) + random.nextInt(10) / 10.0);
            default -> BigDecimal.ZERO;
        };
    }

    private static Object referenceFor(Indicator indicator, Criterion criterion, BigDecimal reference, double share) {
        if (indicator.kind() == IndicatorKind.RELATIVE && criterion.comparison() == Comparison.BELOW_REFERENCE) {
            return BigDecimal.valueOf(reference.doubleValue() * share).setScale(1, RoundingMode.HALF_UP); // last year, same period
        }
        return reference;
    }

    private static boolean needsReference(Indicator indicator) {
        return indicator.kind() == IndicatorKind.CEILING || indicator.kind() == IndicatorKind.RELATIVE;
    }

    private BigDecimal round(Indicator indicator, double value) {
        BigDecimal decimal = BigDecimal.valueOf(Math.max(0, value));
        return Standings.COUNTABLE.contains(indicator.unit() == null ? "" : indicator.unit()) ? decimal.setScale(0, RoundingMode.HALF_UP) : decimal.setScale(2, RoundingMode.HALF_UP);
    }

    private List<LocalDate> periodEnds(Frequency frequency) {
        return ReportingPeriod.ofYear(frequency.name(), year).stream().map(ReportingPeriod::end).toList();
    }
}
