package org.duban.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;


/** A warning in the API: its plan, the task, indicator, its causes (most severe first), level, status, rule, message and departments. */
record WarningView(long id, String plan, int task, String taskTitle, String indicator, String indicatorName, String cause, List<String> causes, String level,
                   String status, String rule, String message, List<String> departments, List<String> leadDepartments,
                   List<String> coDepartments, Instant raisedAt, Instant updatedAt, String acknowledgedBy, Instant acknowledgedAt,
                   String explanation, LocalDate promisedDate, String resolvedBy, Instant resolvedAt, String resolutionComment) {

    static WarningView of(Warning w) {
        return new WarningView(w.id(), w.plan(), w.task(), w.taskTitle(), w.indicator(), w.indicatorName(), w.cause().name(),
                w.causes().stream().map(Enum::name).toList(), w.level().name(),
                w.status().name(), w.rule(), w.message(), w.departments(), w.leadDepartments(), w.coDepartments(), w.raisedAt(),
                w.updatedAt(), w.acknowledgedBy(), w.acknowledgedAt(), w.explanation(), w.promisedDate(), w.resolvedBy(),
                w.resolvedAt(), w.resolutionComment());
    }
}
