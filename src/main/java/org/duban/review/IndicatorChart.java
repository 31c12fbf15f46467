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

/**
 * The data of one indicator's chart, month by month: the value reported for each month (the newest
 * revision of the month's last report), the target, and for amounts that grow through the year the
 * expected progress (序时进度): start value plus the target's share the time elapsed asks for.
 */
record IndicatorChart(String title, String unit, List<String> months, List<BigDecimal> actual, BigDecimal target, List<BigDecimal> expected) {

    static IndicatorChart of(Indicator indicator, int year, List<Observation> history, Optional<Criterion> criterion) {
        Map<Integer, BigDecimal> byMonth = new TreeMap<>();
        history.stream().filter(o -> o.value() != null && o.date().getYear() == year)
                .forEach(o -> byMonth.put(o.date().getMonthValue(), o.value())); // ordered by date and revision: the last wins
        List<String> months = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> expected = new ArrayList<>();
        BigDecimal target = criterion.map(Criterion::target).orElse(null);
        boolean paced = target != null && (indicator.kind() == IndicatorKind.ADDITION || indicator.kind() == IndicatorKind.LEVEL
                || criterion.get().accumulating());
        for (int month = 1; month <= 12; month++) {
            months.add(month + "月");
            actual.add(byMonth.get(month));
            if (paced) {
                LocalDate end = LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
                double share = criterion.get().timeProgress(end, LocalDate.of(year, 1, 1)) / 100;
                BigDecimal start = criterion.get().baseline() == null ? BigDecimal.ZERO : criterion.get().baseline();
                expected.add(start.add(target.subtract(start).multiply(BigDecimal.valueOf(share))).setScale(2, java.math.RoundingMode.HALF_UP));
            } else {
                expected.add(null);
            }
        }
        String unit = indicator.unit() == null ? "" : indicator.unit();
        return new IndicatorChart(indicator.code() + " " + indicator.name(), unit, months, actual, target, expected);
    }
}
