package org.duban.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A stored revision of a reported value, with who sent it, when and how. */
public record Observation(String indicator, LocalDate date, int revision, BigDecimal value, String text, BigDecimal reference,
                          String note, Channel channel, String source, String submittedBy, Instant submittedAt) {
}
