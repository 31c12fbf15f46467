package org.duban.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.duban.catalog.Indicator;
import org.duban.rules.RuleSet.StatedCriterion;
import org.duban.rules.facts.Amounts;

/**
 * An indicator with its criterion as the loaded rules state it. {@code comparator}, {@code target}
 * and {@code deadline} are null only when the rules could not be loaded.
 */
record IndicatorView(String code, String name, String unit, String kind, String frequency, String comparator,
                     BigDecimal target, BigDecimal targetMax, String targetText, LocalDate deadline, String rule, String ruleFile) {

    static IndicatorView of(Indicator indicator, Optional<StatedCriterion> stated) {
        return new IndicatorView(indicator.code(), indicator.name(), emptyToNull(indicator.unit()), indicator.kind().name(),
                indicator.frequency().name(),
                stated.map(s -> s.criterion().comparison().name()).orElse(null),
                stated.map(s -> Amounts.plain(s.criterion().target())).orElse(null),
                stated.map(s -> Amounts.plain(s.criterion().upper())).orElse(null),
                stated.map(s -> s.criterion().targetText()).orElse(null),
                stated.map(s -> s.criterion().deadline()).orElse(null),
                stated.map(StatedCriterion::rule).orElse(null),
                stated.map(StatedCriterion::file).orElse(null));
    }


    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
