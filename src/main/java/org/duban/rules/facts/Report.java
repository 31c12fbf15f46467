package org.duban.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reported value (the latest revision for its date): a number, or a text for statuses and
 * water classes, with the reference (quota, city average, last year) where the kind needs one.
 */
public record Report(LocalDate date, BigDecimal value, String text, BigDecimal reference) {
}
