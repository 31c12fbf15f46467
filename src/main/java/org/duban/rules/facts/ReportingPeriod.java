package org.duban.rules.facts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** A reporting period of an indicator: a month, quarter, half year or the year. */
public record ReportingPeriod(LocalDate start, LocalDate end, String label) {

    /**
     * The last period whose report is due by the as-of date (its end plus the grace days), not
     * later than the period that holds the deadline; empty when nothing is due yet.
     */
    public static Optional<ReportingPeriod> due(String frequency, AsOf asOf, int graceDays, LocalDate deadline) {
        int months = switch (frequency) {
            case "MONTHLY" -> 1;
            case "QUARTERLY" -> 3;
            case "HALF_YEARLY" -> 6;
            default -> 12;
        };
        ReportingPeriod due = null;
        LocalDate start = asOf.yearStart();
        while (true) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            if (end.plusDays(graceDays).isAfter(asOf.date())) {
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

    private static String label(LocalDate start, int months) {
        return switch (months) {
            case 1 -> start.format(DateTimeFormatter.ofPattern("yyyy年M月"));
            case 3 -> start.getYear() + "年第" + ((start.getMonthValue() - 1) / 3 + 1) + "季度";
            case 6 -> start.getYear() + (start.getMonthValue() == 1 ? "年上半年" : "年下半年");
            default -> start.getYear() + "年";
        };
    }
}
