package org.duban.rules.facts;

import org.duban.catalog.IndicatorKind;

/** An indicator of the plan as the rules see it. */
public record Indicator(String code, String name, String unit, IndicatorKind kind, String frequency, int task) {

    public String unitOrEmpty() {
        return unit == null ? "" : unit;
    }
}
