package org.duban.assessment;

import java.time.Instant;

/** One rule firing: which rule, from which file, about which task and indicator, on what facts. */
public record Firing(String rule, String file, Integer task, String indicator, String facts, Instant firedAt) {
}
