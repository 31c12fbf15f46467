package org.duban.rules.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The comparators by the names the DRL writes them with ({@code atLeast}, {@code betterThan}, …) and
 * how many target values each takes: what a criteria table's 比较方式 column may say.
 */
public enum ComparatorName {
    AT_LEAST("atLeast", 1),
    AT_MOST("atMost", 1),
    ABOVE("above", 1),
    BETWEEN("between", 2),
    AROUND("around", 2),
    HOLD_AT_LEAST("holdAtLeast", 1),
    HOLD_AT_MOST("holdAtMost", 1),
    WITHIN_QUOTA("withinQuota", 0),
    ABOVE_REFERENCE("aboveReference", 0),
    BELOW_REFERENCE("belowReference", 0),
    COMPLETED("completed", 0),
    STARTED("started", 0),
    /** its one value is a water class (Ⅰ … 劣Ⅴ), not a number */
    BETTER_THAN("betterThan", 1);

    private final String written;
    private final int arity;

    ComparatorName(String written, int arity) {
        this.written = written;
        this.arity = arity;
    }

    public String written() {
        return written;
    }

    /** How many target values the comparator takes. */
    public int arity() {
        return arity;
    }

    /** Exactly as written in the DRL: {@code atleast} is not {@code atLeast}. */
    public static Optional<ComparatorName> of(String written) {
        return Arrays.stream(values()).filter(name -> name.written.equals(written == null ? "" : written.strip())).findFirst();
    }

    /** {@code atLeast, atMost, …}, for messages. */
    public static String names() {
        return String.join(", ", all());
    }

    public static List<String> all() {
        return Arrays.stream(values()).map(ComparatorName::written).toList();
    }
}
