package org.duban.rules.facts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A reporting period of an indicator: a month, quarter, half year or the year. */
public record ReportingPeriod(LocalDate start, LocalDate end, String label) {

    /**
     * The last period whose report was due before the as-of date (its end plus the grace days; on the due day itself the
     * report is still in time), not
     * later than the period that holds the deadline; empty when nothing is due yet.
     */
    public static Optional<ReportingPeriod> due(String frequency, AsOf asOf, int graceDays, LocalDate deadline) {
        int months = months(frequency);
        ReportingPeriod due = null;
        LocalDate start = asOf.yearStart();
        while (true) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            if (!asOf.date().isAfter(end.plusDays(graceDays))) {
                break;
            }
            due = new ReportingPeriod(start, end, label(start, months));
            if (!end.isBefore(deadline)) {
                break;
            }
            start = end.plusDays(1);
        }
        return Optional.ofNullable(due);
    }

    /**
     * Every reporting period of a criterion: from the start of the plan year to the period that holds
     * the deadline (the final period, whose figure is the final figure).
     */
    public static List<ReportingPeriod> until(String frequency, LocalDate yearStart, LocalDate deadline) {
        int months = months(frequency);
        List<ReportingPeriod> periods = new ArrayList<>();
        LocalDate start = yearStart;
        do {
            LocalDate end = start.plusMonths(months).minusDays(1);
            periods.add(new ReportingPeriod(start, end, label(start, months)));
            start = end.plusDays(1);
        } while (!start.isAfter(deadline));
        return periods;
    }

    /** Every period of a calendar year. */
    public static List<ReportingPeriod> ofYear(String frequency, int year) {
        return until(frequency, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** The period of its year that holds {@code day}. */
    public static ReportingPeriod containing(String frequency, LocalDate day) {
        return ofYear(frequency, day.getYear()).stream().filter(p -> !day.isAfter(p.end())).findFirst().orElseThrow();
    }

    /** The first period of the year whose report is not yet overdue on {@code today}: the one to remind about. */
    public static Optional<ReportingPeriod> next(String frequency, LocalDate today, int graceDays) {
        int months = months(frequency);
        LocalDate start = LocalDate.of(today.getYear(), 1, 1);
        while (start.getYear() == today.getYear()) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            if (!end.plusDays(graceDays).isBefore(today)) {
                return Optional.of(new ReportingPeriod(start, end, label(start, months)));
            }
            start = end.plusDays(1);
        }
        return Optional.empty();
    }

    private static int months(String frequency) {
        return switch (frequency) {
            case "MONTHLY" -> 1;
            case "QUARTERLY" -> 3;
            case "HALF_YEARLY" -> 6;
            default -> 12;
        };
    }

    private static String label(LocalDate start, int months) {
        return switch (months) {
            case 1 -> start.format(DateTimeFormatter.ofPattern("yyyy年M月"));
            case 3 -> start.getYear() + "年第" + ((start.getMonthValue() - 1) / 3 + 1) + "季度";
            case 6 -> start.getYear() + (start.getMonthValue() == 1 ? "年上半年" : "年下半年");
            default -> start.getYear() + "年";
        };
    }
}
