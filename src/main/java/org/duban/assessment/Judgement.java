package org.duban.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.rules.facts.Finding;

/**
 * What one firing of the rules concluded: the highest finding per indicator and cause, the
 * rule that made each, every indicator's assessment (one warning at most per indicator), and
 * every firing.
 */
public record Judgement(List<Finding> findings, Map<Finding, String> rules, List<Assessment> assessments, List<Firing> firings) {

    /** Indicators whose targets are met on the as-of date. */
    public Set<String> met() {
        return assessments.stream().filter(Assessment::met).map(Assessment::indicator).collect(Collectors.toSet());
    }
}
