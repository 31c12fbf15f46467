package org.duban.catalog;

/**
 * What a department reports for a task. The target itself (comparator, value, deadline) is not
 * here: it lives once, in the task's DRL file.
 */
public record Indicator(String code, String name, String unit, IndicatorKind kind, Frequency frequency, int taskNumber) {
}
