package org.duban.rules.facts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The day an evaluation looks at: only observations dated on or before it count. */
public record AsOf(LocalDate date, int planYear) {

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("M月d日");

    public LocalDate yearStart() {
        return LocalDate.of(planYear, 1, 1);
    }

    public boolean isAfter(LocalDate day) {
        return date.isAfter(day);
    }

    /** Whole days from the as-of date to {@code day}; negative when it has passed. */
    public long daysUntil(LocalDate day) {
        return java.time.temporal.ChronoUnit.DAYS.between(date, day);
    }

    /** 9月30日 */
    public String chinese() {
        return date.format(CHINESE);
    }
}
