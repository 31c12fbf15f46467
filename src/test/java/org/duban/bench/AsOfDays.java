package org.duban.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The as-of days a benchmark evaluates, within the plans' active time (publication on 9 June 2023
 * to 31 March 2024): every day at small scales, a sample at large ones, where a year of daily
 * runs would take hours on two cores.
 */
enum AsOfDays {
    DAILY(1), WEEKLY(7), MONTHLY(0), QUARTERLY(-1), ONE(-2);

    static final LocalDate FIRST = LocalDate.of(2023, 6, 30);
    static final LocalDate LAST = LocalDate.of(2024, 3, 31);

    private final int step;

    AsOfDays(int step) {
        this.step = step;
    }

    static AsOfDays forScale(int scale) {
        return scale <= 1 ? DAILY : scale <= 8 ? WEEKLY : scale <= 136 ? MONTHLY : QUARTERLY;
    }

    List<LocalDate> days() {
        if (step == -2) {
            return List.of(LocalDate.of(2023, 9, 30)); // one day, for a first look at national scale
        }
        if (step < 0) {
            return List.of(FIRST, LocalDate.of(2023, 9, 30), LocalDate.of(2023, 12, 31), LAST);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = step == 0 ? day.plusDays(1).plusMonths(1).minusDays(1) : day.plusDays(step)) {
            days.add(day);
        }
        return days;
    }
}
