package org.duban.rules.facts;

import java.util.Optional;

/** Surface water quality classes (地表水环境质量标准), best first. */
public enum WaterClass {
    I("Ⅰ"), II("Ⅱ"), III("Ⅲ"), IV("Ⅳ"), V("Ⅴ"), WORSE_THAN_V("劣Ⅴ");

    private final String label;

    WaterClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean betterThan(WaterClass other) {
        return ordinal() < other.ordinal();
    }

    /** Accepts the Roman numerals Ⅰ–Ⅴ and 劣Ⅴ, also written with Latin letters (IV, V, 劣V) and an optional 类. */
    public static Optional<WaterClass> parse(String text) {
        String value = text.trim().replace("类", "").replace("V", "Ⅴ").replace("IⅤ", "Ⅳ").replace("III", "Ⅲ").replace("II", "Ⅱ").replace("I", "Ⅰ");
        for (WaterClass waterClass : values()) {
            if (waterClass.label.equals(value)) {
                return Optional.of(waterClass);
            }
        }
        return Optional.empty();
    }
}
