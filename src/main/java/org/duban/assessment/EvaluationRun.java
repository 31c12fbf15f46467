package org.duban.assessment;

import java.time.Instant;
import java.time.LocalDate;

/** A recorded evaluation: when, as of which day, with which rules, how it ended and what it found. */
public record EvaluationRun(long runId, String plan, LocalDate asOf, Instant startedAt, Instant finishedAt, String ruleSetVersion,
                            String outcome, String triggeredBy, Integer firings, Integer warningsOpen, Integer warningsRaised,
                            Integer warningsResolved, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String SUCCEEDED = "SUCCEEDED";
    public static final String FAILED = "FAILED";
    /** Left RUNNING by an instance that stopped mid-run; closed by another instance or the next start. */
    public static final String ABANDONED = "ABANDONED";
}
