package org.duban.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Level;

/**
 * How one indicator was judged in one run, warned or quiet: the numbers the rules saw, the level
 * (null when quiet), the rules that fired and a Chinese explanation — so that a department that
 * disputes a warning, or asks why there is none, can be answered from what was stored.
 *
 * @param judgedAt      the date the progress refers to (the newest report's), null without reports
 * @param actual        the newest figure as people read it (2650人, 推进中, Ⅳ类, 尚无报送)
 * @param target        the target as the plan writes it (不少于4000人)
 * @param timeProgress  share of the period elapsed on {@code judgedAt}, %
 * @param completion    additions and levels: completion, %; else null
 * @param lag           additions and levels: points behind time progress; else null
 * @param projected     the trend's value at the deadline, where there is a trend; else null
 * @param message       the warning's message (each cause's sentence), null when quiet
 */
public record Assessment(int task, String indicator, LocalDate judgedAt, String actual, BigDecimal value, String target,
                         double timeProgress, Double completion, Double lag, Double projected, int missedPeriods, boolean met,
                         Level level, List<Cause> causes, String message, List<String> firedRules, String explanation) {

    public Assessment {
        causes = List.copyOf(causes);
        firedRules = List.copyOf(firedRules);
    }

    public boolean warned() {
        return level != null;
    }
}
