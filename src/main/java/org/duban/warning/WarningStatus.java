package org.duban.warning;

/** Where a warning stands: raised, explained by the department, or over. */
public enum WarningStatus {
    OPEN, ACKNOWLEDGED, RESOLVED;

    /** The word the pages show. */
    public String chinese() {
        return switch (this) {
            case OPEN -> "待确认";
            case ACKNOWLEDGED -> "已确认";
            case RESOLVED -> "已解除";
        };
    }
}
