package org.duban.collection;

/**
 * One reported value as it arrives, unchecked: {@code value} is a number, or a text for
 * milestone statuses (未启动/推进中/已完成) and water classes (Ⅰ–Ⅴ, 劣Ⅴ); {@code reference} is the
 * quota or comparison value that ceilings and relative targets need.
 *
 * @param place where it came from, for error messages: "第 3 条", "第 12 行"
 */
public record ObservationInput(String indicator, String date, Object value, Object reference, String note, String place) {
}
