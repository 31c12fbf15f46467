package org.duban.warning;

/** Where a warning stands: raised, explained by the department, or over. */
public enum WarningStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
