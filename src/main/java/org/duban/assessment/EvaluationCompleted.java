package org.duban.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.rules.facts.Finding;

/**
 * An evaluation judged a plan on an as-of date. Published inside the run's transaction: a
 * listener that fails rolls the whole run back, so a failed run leaves no half-written warnings.
 *
 * @param assessments every indicator's verdict; a warned one carries its level, causes and message
 * @param rules       the rule that raised each finding
 * @param partial     the run judged only some indicators (those of {@code assessments}, an incremental run):
 *                    the others' warnings are not its business and must stay as they are
 */
public record EvaluationCompleted(long runId, String planCode, LocalDate asOf, List<Assessment> assessments,
                                  Map<Finding, String> rules, boolean partial) {

    /** A run of the whole plan. */
    public EvaluationCompleted(long runId, String planCode, LocalDate asOf, List<Assessment> assessments, Map<Finding, String> rules) {
        this(runId, planCode, asOf, assessments, rules, false);
    }

    /** The indicators the run judged. */
    public Set<String> judged() {
        return assessments.stream().map(Assessment::indicator).collect(Collectors.toSet());
    }

    /** Indicators whose targets are met on the as-of date. */
    public Set<String> met() {
        return assessments.stream().filter(Assessment::met).map(Assessment::indicator).collect(Collectors.toSet());
    }

    /** The rules that raised an indicator's findings, most severe first. */
    public String rulesOf(String indicator) {
        return rules.entrySet().stream().filter(e -> e.getKey().indicator().equals(indicator))
                .sorted((a, b) -> b.getKey().level().compareTo(a.getKey().level()))
                .map(Map.Entry::getValue).distinct().collect(Collectors.joining("；"));
    }
}
