package org.duban.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.rules.facts.Finding;

/**
 * An evaluation judged a plan on an as-of date. Published inside the run's transaction: a
 * listener that fails rolls the whole run back, so a failed run leaves no half-written warnings.
 *
 * @param rules the rule that raised each finding
 * @param met   indicators whose targets are met on the as-of date
 */
public record EvaluationCompleted(long runId, String planCode, LocalDate asOf, List<Finding> findings,
                                  Map<Finding, String> rules, Set<String> met) {
}
