package org.duban.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.PlanScope;
import org.duban.rules.facts.ReportingTerms;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The compiled rules of one plan: the shared rules of {@code rules/common/} and the plan's own
 * task files, with the criteria they state. Immutable; a reload makes a new one.
 *
 * @param version  hash of the compiled files' paths and contents, recorded with every evaluation
 * @param criteria by indicator code, each with the rule that states it
 * @param scope    the plan this set was stated for: an evaluation inserts it too, so rules matching it
 *                 ({@code PlanScope(region == …)}) fire as they did when the criteria were stated
 * @param rulePlaces where each rule is written, for messages ({@link #placeOf})
 * @param terms    when reports and final figures are due, as {@code rules/common/levels.drl} sets it (so
 *                 compliance, reminders and the missing-data warnings agree)
 * @param sessions sessions over {@code kieBase}, reset and reused: shared by every plan compiled from the same files
 */
public record RuleSet(String planCode, String version, Instant loadedAt, List<RuleFile> files,
                      Map<String, StatedCriterion> criteria, Map<String, String> ruleFiles, Map<String, String> rulePlaces,
                      ReportingTerms terms, KieBase kieBase, PlanScope scope, KieSessionsPool sessions) {

    /** A set with sessions of its own (the load shares one pool among the plans of a rule base). */
    public RuleSet(String planCode, String version, Instant loadedAt, List<RuleFile> files, Map<String, StatedCriterion> criteria,
                   Map<String, String> ruleFiles, Map<String, String> rulePlaces, ReportingTerms terms, KieBase kieBase, PlanScope scope) {
        this(planCode, version, loadedAt, files, criteria, ruleFiles, rulePlaces, terms, kieBase, scope,
                kieBase == null ? null : kieBase.newKieSessionsPool(RuleCompiler.SESSIONS_KEPT));
    }

    /** A DRL file of the set and the rules in it. */
    public record RuleFile(String path, List<String> rules) {
    }

    /** A criterion and the rule (and file) that states it. */
    public record StatedCriterion(Criterion criterion, String rule, String file, int line) {
    }

    /** Days after a period's end before its report is overdue. */
    public int reportingGraceDays() {
        return terms.graceDays();
    }

    public Optional<StatedCriterion> criterion(String indicator) {
        return Optional.ofNullable(criteria.get(indicator));
    }

    /** The file a rule is written in, e.g. {@code rules/common/judging.drl}; empty when unknown. */
    public String fileOf(String packageName, String rule) {
        return ruleFiles.getOrDefault(packageName + "/" + rule, "");
    }

    /** Where a rule is written, for messages: {@code rules/tasks/t22.drl 第 5 行}, {@code rules/zibo/criteria.xlsx 工作表 criteria 第 9 行}. */
    public String placeOf(Rule rule) {
        return rulePlaces.getOrDefault(rule.getPackageName() + "/" + rule.getName(), "rules 第 0 行");
    }

    /**
     * Fires a session of this rule set under a time limit and a cap on firings (see {@link RuleFiring});
     * throws {@link RuleFiring.RulesRanAway} naming the rule that fired most when either is reached.
     */
    public int fire(KieSession session, int maxFirings, Duration limit) {
        return RuleFiring.fire(session, maxFirings, limit, this::placeOf);
    }

    /**
     * Fires an evaluation session: every rule but those that state the criteria. Those were fired when the
     * set was loaded and their criteria are already in each {@code Standing}; firing them again in every
     * evaluation (one firing per indicator, the larger half of a run's firings and of its firing log)
     * would change nothing a judging rule sees. Which rule stated each criterion stays in {@link #criteria}.
     */
    public int fireJudging(KieSession session, int maxFirings, Duration limit) {
        Map<String, StatedCriterion> byRule = new HashMap<>();
        criteria.values().forEach(stated -> byRule.put(stated.rule(), stated));
        return RuleFiring.fire(session, maxFirings, limit, this::placeOf, match -> {
            Rule rule = match.getRule();
            StatedCriterion stated = byRule.get(rule.getName());
            // a rule of that name in another file (rules/common/) is not the one that stated it
            return stated == null || !stated.file().equals(fileOf(rule.getPackageName(), rule.getName()));
        });
    }

    /**
     * A session over the cached rule base, empty: taken from the base's pool and returned to it, reset, by
     * {@code dispose()}. Creating a session per region was a tenth of an evaluation's time in the profile.
     * A session whose firing could not be stopped must not be disposed (it would go back to the pool while
     * its rules still run): see {@link RuleFiring.RulesRanAway#stillRunning()}.
     */
    public KieSession newSession() {
        return sessions != null ? sessions.newKieSession() : kieBase.newKieSession();
    }
}
