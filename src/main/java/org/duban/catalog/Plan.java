package org.duban.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** A loaded plan; {@code rulesFolder} is where its criteria live, relative to {@code rules/}. */
public record Plan(String code, String name, int year, String regionCode, String regionName, String document,
                   LocalDate publishedOn, String rulesFolder, String sourceFile, Instant loadedAt) {
}
