package org.duban.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.collection.Observation;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.WaterClass;

/**
 * The data of one indicator's chart, month by month: the value reported for each month (the newest
 * revision of the month's last report), the target, and for amounts that grow through the year the
 * expected progress (序时进度): start value plus the target's share the time elapsed asks for.
 */
record IndicatorChart(String title, String unit, List<String> months, List<BigDecimal> actual, BigDecimal target, List<BigDecimal> expected) {

    static IndicatorChart of(Indicator indicator, int year, List<Observation> history, Optional<Criterion> criterion) {
        Map<Integer, BigDecimal> byMonth = new TreeMap<>();
        history.stream().filter(o -> o.date().getYear() == year && number(indicator, o) != null)
                .forEach(o -> byMonth.put(o.date().getMonthValue(), number(indicator, o))); // ordered by date and revision: the last wins
        List<String> months = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> expected = new ArrayList<>();
        BigDecimal target = criterion.map(c -> c.targetText() != null ? classNumber(c.targetText()) : c.target()).orElse(null);
        boolean paced = target != null && (indicator.kind() == IndicatorKind.ADDITION || indicator.kind() == IndicatorKind.LEVEL
                || criterion.get().accumulating());
        for (int month = 1; month <= 12; month++) {
            months.add(month + "月");
            actual.add(byMonth.get(month));
            if (paced) {
                LocalDate end = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
                double share = criterion.get().timeProgress(end, LocalDate.of(year, 1, 1)) / 100;
                BigDecimal start = start(indicator, criterion.get(), history);
                expected.add(start.add(target.subtract(start).multiply(BigDecimal.valueOf(share))).setScale(2, java.math.RoundingMode.HALF_UP));
            } else {
                expected.add(null);
            }
        }
        String unit = switch (indicator.kind()) {
            case WATER_CLASS -> "类（Ⅰ=1 … Ⅴ=5，劣Ⅴ=6）";
            case MILESTONE -> "（0 未启动，1 推进中，2 已完成）";
            default -> indicator.unit() == null ? "" : indicator.unit();
        };
        return new IndicatorChart(indicator.code() + " " + indicator.name(), unit, months, actual, target, expected);
    }

    /** A report as a number on the chart: its value, a water class by its rank, a milestone by its step. */
    private static BigDecimal number(Indicator indicator, Observation o) {
        if (indicator.kind() == IndicatorKind.WATER_CLASS) {
            return o.text() == null ? null : classNumber(o.text());
        }
        if (indicator.kind() == IndicatorKind.MILESTONE) {
            return o.text() == null ? null : BigDecimal.valueOf(List.of("未启动", "推进中", "已完成").indexOf(o.text()));
        }
        return o.value();
    }

    private static BigDecimal classNumber(String text) {
        return WaterClass.parse(text).map(c -> BigDecimal.valueOf(c.ordinal() + 1L)).orElse(null);
    }

    /** Where the expected line starts: a stock at its start-of-year value, as the judging measures it. */
    private static BigDecimal start(Indicator indicator, Criterion criterion, List<Observation> history) {
        if (criterion.baseline() != null) {
            return criterion.baseline();
        }
        if (indicator.kind() == IndicatorKind.LEVEL) {
            // the reference sent with the year's first report, as Standings reads it
            return history.stream().findFirst().map(Observation::reference).orElse(BigDecimal.ZERO);
        }
        return BigDecimal.ZERO;
    }
}
