package org.duban.rules.facts;

import java.math.BigDecimal;

/** How amounts are shown to people: 4000, not 4000.000000 or 4E+3; 37.9, not 37.90. */
public final class Amounts {

    private Amounts() {
    }

    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The amount as text, or "—" when there is none. */
    public static String text(BigDecimal value) {
        return value == null ? "—" : plain(value).toPlainString();
    }
}
