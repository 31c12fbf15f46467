package org.duban.collection;

import java.time.Instant;
import java.util.Map;

/**
 * One reported value as it arrives, unchecked: {@code value} is a number, or a text for
 * milestone statuses (未启动/推进中/已完成) and water classes (Ⅰ–Ⅴ, 劣Ⅴ); {@code reference} is the
 * quota or comparison value that ceilings and relative targets need.
 *
 * @param unit        the unit the sender wrote, if the channel has one (checked against the plan's)
 * @param submittedAt when it was sent, if not now (only simulated data sets this)
 * @param place       where it came from, for error messages: "第 3 条", "第 12 行"
 * @param columns     how the sender's columns are called, by field, for error messages ("C 列（数值）")
 */
public record ObservationInput(String indicator, String date, Object value, Object reference, String note, String unit,
                               Instant submittedAt, String place, Map<String, String> columns) {

    public static ObservationInput of(String indicator, String date, Object value, Object reference, String note, String place) {
        return new ObservationInput(indicator, date, value, reference, note, null, null, place, Map.of());
    }

    /** The sender's name for a field, e.g. "C 列（数值）" for value in a spreadsheet. */
    String column(String field) {
        return columns == null ? field : columns.getOrDefault(field, field);
    }
}
