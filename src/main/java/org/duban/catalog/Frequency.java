package org.duban.catalog;

/** How often a department reports an indicator. */
public enum Frequency {
    MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY
}
