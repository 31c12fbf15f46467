package org.duban.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything reported for one indicator on or before the as-of date, oldest first. Every
 * indicator has one, possibly empty, so rules can also notice what is missing.
 */
public record Reports(String indicator, List<Report> reports) {

    public static final String NOT_STARTED = "未启动";
    public static final String IN_PROGRESS = "推进中";
    public static final String COMPLETED = "已完成";

    public Reports {
        reports = reports.stream().sorted(Comparator.comparing(Report::date)).toList();
    }

    public boolean isEmpty() {
        return reports.isEmpty();
    }

    public int count() {
        return reports.size();
    }

    public Report latest() {
        return reports.isEmpty() ? null : reports.get(reports.size() - 1);
    }

    public LocalDate latestDate() {
        return isEmpty() ? null : latest().date();
    }

    public BigDecimal latestValue() {
        return isEmpty() ? null : latest().value();
    }

    /** The most recent reference (quota, average, last year's value) reported, even if the latest value came without one. */
    public BigDecimal latestReference() {
        for (int i = reports.size() - 1; i >= 0; i--) {
            if (reports.get(i).reference() != null) {
                return reports.get(i).reference();
            }
        }
        return null;
    }

    public String latestText() {
        return isEmpty() ? null : latest().text();
    }

    /** The latest status of a milestone, 未启动 when nothing was reported. */
    public String status() {
        return isEmpty() || latest().text() == null ? NOT_STARTED : latest().text();
    }

    /** The latest water class reported, if any and readable. */
    public Optional<WaterClass> waterClass() {
        return Optional.ofNullable(latestText()).flatMap(WaterClass::parse);
    }

    @Override
    public String toString() {
        return "Reports[" + indicator + ", " + count() + " reports" + (isEmpty() ? "" : ", latest " + latest()) + "]";
    }
}
