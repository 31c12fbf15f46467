package org.duban.warning;

/** A lifecycle step that is not allowed or not possible, with the reason in Chinese. */
public class WarningProblem extends RuntimeException {

    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID }

    private final Kind kind;

    public WarningProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
