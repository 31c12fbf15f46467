package org.duban.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.collection.ObservationInput;
import org.duban.rules.facts.Comparison;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.ReportingPeriod;
import org.duban.rules.facts.Standings;

/**
 * A year (2023) of reports for one county's plan, judged against that county's own criteria, the
 * same every time (seeded by county and indicator). The mix is chosen so that every level occurs:
 * most indicators run on or ahead of the clock (no warning), some lag a little (蓝/黄), some far
 * (橙), some miss the year (红), a few stop reporting after June (missing reports); one report in
 * ten arrives two to three weeks late.
 */
final class SyntheticYear {

    static final String NOTE = "合成数据";
    private static final int YEAR = 2023;
    private static final String[] WATER = {"Ⅳ", "Ⅲ", "Ⅴ", "Ⅳ", "劣Ⅴ"};
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** How an indicator goes: {@code pace} is its share of the clock's progress (1 = exactly on time). */
    record Profile(double pace, boolean silent) {
    }

    private final String county;

    SyntheticYear(String county) {
        this.county = county;
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

    static Profile profile(Random random) {
        int bucket = random.nextInt(100);
        if (bucket < 55) {
            return new Profile(1.02 + random.nextDouble() * 0.15, false);   // on track
        } else if (bucket < 67) {
            return new Profile(0.86 + random.nextDouble() * 0.08, false);   // a little behind
        } else if (bucket < 77) {
            return new Profile(0.74 + random.nextDouble() * 0.08, false);   // behind
        } else if (bucket < 87) {
            return new Profile(0.40 + random.nextDouble() * 0.25, false);   // missing the year
        }
        return new Profile(1.0 + random.nextDouble() * 0.05, true);         // stops reporting after June
    }

    private List<ObservationInput> series(Indicator indicator, Criterion criterion) {
        Random random = new Random(((long) county.hashCode() << 32) ^ indicator.code().hashCode() ^ 0x2023L);
        Profile profile = profile(random);
        BigDecimal reference = reference(indicator, criterion, random);
        List<ObservationInput> rows = new ArrayList<>();
        List<LocalDate> ends = ReportingPeriod.ofYear(indicator.frequency().name(), YEAR).stream().map(ReportingPeriod::end).toList();
        for (LocalDate end : ends) {
            if (profile.silent() && end.getMonthValue() > 6 && !rows.isEmpty()) {
                break;
            }
            double share = end.getDayOfYear() / 365.0;
            Object value = value(indicator, criterion, profile, share, end, random, reference);
            Object ref = switch (indicator.kind()) {
                case CEILING -> reference;
                case RELATIVE -> criterion.comparison() == Comparison.BELOW_REFERENCE
                        ? BigDecimal.valueOf(reference.doubleValue() * share).setScale(1, RoundingMode.HALF_UP) : reference;
                case LEVEL -> rows.isEmpty() ? reference : null;
                default -> null;
            };
            int delay = random.nextInt(10) < 1 ? 14 + random.nextInt(10) : 1 + random.nextInt(8);
            rows.add(new ObservationInput(indicator.code(), end.toString(), value, ref, NOTE, null,
                    end.plusDays(delay).atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(ZONE).toInstant(),
                    county + " " + indicator.code() + " " + end, Map.of()));
        }
        return rows;
    }

    private static Object value(Indicator indicator, Criterion criterion, Profile profile, double share, LocalDate end, Random random, BigDecimal reference) {
        double target = criterion.target() == null ? 0 : criterion.target().doubleValue();
        return switch (indicator.kind()) {
            case WATER_CLASS -> profile.pace() >= 1 ? "Ⅳ" : WATER[random.nextInt(WATER.length)];
            case MILESTONE -> status(profile.pace(), end.getMonthValue());
            case ADDITION -> round(indicator, target * share * profile.pace());
            case LEVEL -> round(indicator, reference.doubleValue() + (target - reference.doubleValue()) * share * profile.pace());
            case RATE, GROWTH -> rate(indicator, criterion, profile, random);
            case CEILING -> round(indicator, reference.doubleValue() * share * (2 - profile.pace()) * 0.95);
            case RELATIVE -> relative(criterion, profile, reference, share, random);
        };
    }

    private static Object rate(Indicator indicator, Criterion criterion, Profile profile, Random random) {
        double target = criterion.target() == null ? 0 : criterion.target().doubleValue();
        // the rate falls short by up to 12 points as the pace falls
        double value = target + (profile.pace() >= 1 ? random.nextDouble() * 2 : -(1 - profile.pace()) * 20 - random.nextDouble());
        if (indicator.kind() == IndicatorKind.RATE) {
            value = Math.min(100, Math.max(0, value));
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static Object relative(Criterion criterion, Profile profile, BigDecimal reference, double share, Random random) {
        double delta = (0.3 + random.nextDouble()) * (profile.pace() >= 0.9 ? 1 : -1);
        double value = criterion.comparison() == Comparison.BELOW_REFERENCE
                ? reference.doubleValue() * share - delta * Math.max(1, reference.doubleValue() * share * 0.1)
                : reference.doubleValue() + delta;
        return BigDecimal.valueOf(Math.max(0, value)).setScale(1, RoundingMode.HALF_UP);
    }

    private static String status(double pace, int month) {
        int startedBy = pace >= 1 ? 3 : pace >= 0.8 ? 7 : 10;
        return month < startedBy ? "未启动" : pace >= 1 && month >= 11 ? "已完成" : "推进中";
    }

    private static BigDecimal reference(Indicator indicator, Criterion criterion, Random random) {
        double target = criterion.target() == null ? 0 : criterion.target().doubleValue();
        return switch (indicator.kind()) {
            case LEVEL -> BigDecimal.valueOf(target * (0.80 + random.nextDouble() * 0.08)).setScale(criterion.target().scale() > 0 ? 2 : 0, RoundingMode.HALF_UP);
            case CEILING -> BigDecimal.valueOf(800 + random.nextInt(5000));
            case RELATIVE -> BigDecimal.valueOf(criterion.comparison() == Comparison.BELOW_REFERENCE ? 12 + random.nextInt(20) : 8 + random.nextInt(60));
            default -> BigDecimal.ZERO;
        };
    }

    private static BigDecimal round(Indicator indicator, double value) {
        BigDecimal decimal = BigDecimal.valueOf(Math.max(0, value));
        return Standings.COUNTABLE.contains(indicator.unit() == null ? "" : indicator.unit())
                ? decimal.setScale(0, RoundingMode.HALF_UP) : decimal.setScale(2, RoundingMode.HALF_UP);
    }
}
