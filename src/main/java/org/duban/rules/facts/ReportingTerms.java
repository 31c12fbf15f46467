package org.duban.rules.facts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * When reports are due: {@code graceDays} after each period, and the final figure a lag after the
 * deadline. Read from the {@link Tuning} facts of {@code rules/common/levels.drl} when the rules load,
 * so that warnings, compliance and reminders count the same days.
 */
public record ReportingTerms(int graceDays, int finalLagDays, Map<String, Integer> finalLagByFrequency) {

    /** What applies when {@code levels.drl} says nothing: 10 days' grace; final figures 10 days after the deadline. */
    public static final ReportingTerms DEFAULT = new ReportingTerms(10, 10, Map.of());

    public ReportingTerms {
        finalLagByFrequency = Map.copyOf(finalLagByFrequency);
    }

    /** The terms the given tuning facts state, each missing one at its default. */
    public static ReportingTerms from(Iterable<?> facts) {
        int grace = DEFAULT.graceDays;
        int lag = DEFAULT.finalLagDays;
        Map<String, Integer> byFrequency = new HashMap<>();
        for (Object fact : facts) {
            if (fact instanceof Tuning.ReportingGrace g) {
                grace = g.days();
            } else if (fact instanceof Tuning.FinalFigureLag l && l.frequency() == null) {
                lag = l.days();
            } else if (fact instanceof Tuning.FinalFigureLag l) {
                byFrequency.put(l.frequency(), l.days());
            }
        }
        return new ReportingTerms(grace, lag, byFrequency);
    }

    /** The day by which the final figure of {@code criterion} must be in. */
    public LocalDate finalDue(Criterion criterion, String frequency) {
        if (criterion.finalBy() != null) {
            return criterion.finalBy();
        }
        return criterion.deadline().plusDays(finalLagByFrequency.getOrDefault(frequency, finalLagDays));
    }
}
