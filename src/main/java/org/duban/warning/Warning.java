package org.duban.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Level;

/** A warning as the office and departments see it: one per indicator, its level the highest of its causes. */
public record Warning(long id, String plan, int task, String taskTitle, String indicator, String indicatorName, List<Cause> causes,
                      Level level, WarningStatus status, String rule, String message, List<String> leadDepartments,
                      List<String> coDepartments, Instant raisedAt, Instant updatedAt, long lastRunId,
                      String acknowledgedBy, Instant acknowledgedAt, String explanation, LocalDate promisedDate,
                      String resolvedBy, Instant resolvedAt, String resolutionComment) {

    /** The most severe cause; every cause is in {@link #causes()}, each with its sentence in the message. */
    public Cause cause() {
        return causes.get(0);
    }

    /** Every department named on the task, lead first. */
    public List<String> departments() {
        return java.util.stream.Stream.concat(leadDepartments.stream(), coDepartments.stream()).toList();
    }
}
