package org.duban.catalog;

import java.util.List;

/**
 * What another module keeps about an indicator, asked before the catalog drops one from a plan:
 * an indicator with reported values or warnings is never removed, so nothing is lost. Implemented
 * by the modules that own such rows (collection, warning); the catalog reads none of their tables.
 */
public interface IndicatorUsage {

    /** How many of this module's rows refer to the indicator with this key. */
    long uses(long indicatorId);
}
