package org.duban.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A loaded plan; {@code rulesFolder} is where its criteria live, relative to {@code rules/}. Its
 * jobs (evaluation, reminders, digests, escalation) run while it is active.
 */
public record Plan(String code, String name, int year, String regionCode, String regionName, String document,
                   LocalDate publishedOn, LocalDate activeFrom, LocalDate activeUntil, String rulesFolder, String sourceFile,
                   Instant loadedAt) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(activeFrom) && !day.isAfter(activeUntil);
    }
}
