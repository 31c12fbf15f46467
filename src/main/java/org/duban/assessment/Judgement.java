package org.duban.assessment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.rules.facts.Finding;

/**
 * What one firing of the rules concluded: the highest finding per indicator and cause, the
 * rule that made each, the indicators whose targets are met, and every firing.
 */
public record Judgement(List<Finding> findings, Map<Finding, String> rules, Set<String> met, List<Firing> firings) {
}
