package org.duban.assessment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.rules.RuleFiring;
import org.duban.rules.RuleSet;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Indicator;
import org.duban.rules.facts.Level;
import org.duban.rules.facts.Measure;
import org.duban.rules.facts.Reports;
import org.duban.rules.facts.Standing;
import org.duban.rules.facts.Standings;
import org.duban.rules.facts.TargetText;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Fires a rule set over one as-of date's facts in a fresh session, with plain inserts: a full
 * re-evaluation each time is cheap at this size and needs no truth maintenance. Each indicator
 * goes in already joined with its criterion and reports ({@link Standing}), so the judging rules
 * need no joins. Pure: it reads and writes no database, which is why rule scenarios can run it.
 */
final class Judge {

    /** Far above what 141 indicators need; more means a rule loops. */
    private static final int MAX_FIRINGS = 200_000;

    private final Duration limit;
    private final Clock clock;

    /** @param limit how long firing may take (duban.evaluation.timeout) */
    Judge(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    Judgement judge(RuleSet rules, AsOf asOf, List<Indicator> indicators, Map<String, Reports> reports) {
        return judge(rules, asOf, standings(rules, asOf, indicators, reports));
    }

    /** Each indicator with a criterion, measured on the as-of date: the facts a session judges. */
    static Map<String, Standing> standings(RuleSet rules, AsOf asOf, List<Indicator> indicators, Map<String, Reports> reports) {
        Map<String, Standing> standings = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            rules.criterion(indicator.code()).ifPresent(stated -> standings.put(indicator.code(), Standings.of(indicator,
                    stated.criterion(), reports.getOrDefault(indicator.code(), new Reports(indicator.code(), List.of())), asOf, rules.terms())));
        }
        return standings;
    }

    /** Judges standings already measured (by {@link #standings}). */
    Judgement judge(RuleSet rules, AsOf asOf, Map<String, Standing> standings) {
        return verdicts(rules, standings, fire(rules, asOf, standings));
    }

    /** What one session concluded: every finding with the rule that raised it, the firings, the thresholds it stated. */
    record Fired(Map<Finding, String> raisedBy, List<Firing> firings, Map<String, Set<String>> firedRules, List<Object> tuning) {
    }

    /** The rule engine's part: one session over the standings (the benchmarks time it against a plain-Java floor). */
    Fired fire(RuleSet rules, AsOf asOf, Map<String, Standing> standings) {
        Map<String, Integer> tasks = new HashMap<>();
        standings.values().forEach(s -> tasks.put(s.code(), s.indicator().task()));
        Fired fired = new Fired(new LinkedHashMap<>(), new ArrayList<>(), new HashMap<>(), new ArrayList<>());
        KieSession session = rules.newSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Firing firing = firing(rules, event.getMatch().getRule(), event.getMatch().getObjects(), tasks);
                    fired.firings().add(firing);
                    if (firing.indicator() != null) {
                        fired.firedRules().computeIfAbsent(firing.indicator(), code -> new LinkedHashSet<>()).add(firing.rule());
                    }
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    Object fact = event.getObject();
                    if (fact instanceof Finding finding) {
                        fired.raisedBy().put(finding, event.getRule() == null ? "" : event.getRule().getName());
                    } else if (event.getRule() != null && fact.getClass().getEnclosingClass() == org.duban.rules.facts.Tuning.class) {
                        fired.tuning().add(fact);
                    }
                }
            });
            session.insert(asOf);
            session.insert(rules.scope());
            standings.values().forEach(session::insert);
            rules.fireJudging(session, MAX_FIRINGS, limit);
        } catch (RuleFiring.RulesRanAway e) {
            if (e.stillRunning()) {
                // its rules still run: disposing would hand it back to the pool in use; it is left to them
                session = null;
            }
            throw e;
        } finally {
            if (session != null) {
                session.dispose();
            }
        }
        return fired;
    }

    /** Each indicator's verdict from what the session found: the highest finding per cause, the assessment and its explanation. */
    static Judgement verdicts(RuleSet rules, Map<String, Standing> standings, Fired fired) {
        List<Finding> highest = highestPerIndicatorAndCause(fired.raisedBy().keySet());
        Map<Finding, String> rulesOfHighest = new LinkedHashMap<>();
        highest.forEach(finding -> rulesOfHighest.put(finding, fired.raisedBy().get(finding)));
        Map<String, List<Finding>> byIndicator = highest.stream().collect(Collectors.groupingBy(Finding::indicator));
        Explanations explanations = new Explanations(fired.tuning());
        List<Assessment> assessments = new ArrayList<>();
        for (Standing standing : standings.values()) {
            List<Finding> findings = byIndicator.getOrDefault(standing.code(), List.of());
            // the rule that stated the criterion is not fired again (RuleSet.fireJudging), but it is behind every verdict
            Set<String> rulesBehind = new LinkedHashSet<>();
            rules.criterion(standing.code()).ifPresent(stated -> rulesBehind.add(stated.rule()));
            rulesBehind.addAll(fired.firedRules().getOrDefault(standing.code(), Set.of()));
            assessments.add(assessment(standing, findings, List.copyOf(rulesBehind), explanations.explain(standing, findings)));
        }
        return new Judgement(highest, rulesOfHighest, assessments, fired.firings());
    }

    /** The indicator's one verdict: the highest level of its findings, their causes most severe first, each sentence. */
    private static Assessment assessment(Standing s, List<Finding> findings, List<String> fired, String explanation) {
        Level level = findings.stream().map(Finding::level).max(Comparator.naturalOrder()).orElse(null);
        List<Cause> causes = findings.stream().sorted(Comparator.comparing(Finding::level).reversed().thenComparing(Finding::cause))
                .map(Finding::cause).toList();
        String message = findings.isEmpty() ? null : oneSentencePerCause(s, findings.stream()
                .sorted(Comparator.comparing(Finding::level).reversed().thenComparing(Finding::cause)).map(Finding::message).toList());
        boolean pace = s.measure() == Measure.PACE && s.isReported();
        return new Assessment(s.indicator().task(), s.code(), s.judgedAt(), TargetText.actual(s), s.actual(),
                TargetText.of(s.criterion(), s.indicator()), s.timeProgress(), pace ? s.completion() : null, pace ? s.lag() : null,
                s.hasTrend() ? s.projected() : null, s.missedPeriods(), s.met(), level, causes, message, fired, explanation);
    }

    /** 名称：第一个原因（…预警）；第二个原因（…预警）: the indicator's name once. */
    private static String oneSentencePerCause(Standing s, List<String> messages) {
        String name = s.indicator().name() + "：";
        StringBuilder text = new StringBuilder(messages.get(0));
        for (String message : messages.subList(1, messages.size())) {
            text.append('；').append(message.startsWith(name) ? message.substring(name.length()) : message);
        }
        return text.toString();
    }

    private static List<Finding> highestPerIndicatorAndCause(Set<Finding> findings) {
        Map<String, Finding> highest = new LinkedHashMap<>();
        for (Finding finding : findings) {
            highest.merge(finding.indicator() + "/" + finding.cause(), finding,
                    (a, b) -> b.level().above(a.level()) ? b : a);
        }
        return highest.values().stream().sorted(Comparator.comparing(Finding::indicator).thenComparing(Finding::cause)).toList();
    }

    private Firing firing(RuleSet rules, Rule rule, List<Object> objects, Map<String, Integer> tasks) {
        String indicator = metadata(rule, "indicator");
        if (indicator == null) {
            indicator = objects.stream().map(Judge::indicatorOf).filter(code -> code != null).findFirst().orElse(null);
        }
        Integer task = null;
        String declaredTask = metadata(rule, "task");
        if (declaredTask != null) {
            task = Integer.valueOf(declaredTask);
        } else if (indicator != null) {
            task = tasks.get(indicator);
        }
        return Firing.of(rule.getName(), rules.fileOf(rule.getPackageName(), rule.getName()), task, indicator, new ArrayList<>(objects),
                clock.instant());
    }

    private static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private static String indicatorOf(Object fact) {
        if (fact instanceof Standing s) {
            return s.code();
        } else if (fact instanceof Criterion c) {
            return c.indicator();
        } else if (fact instanceof Finding f) {
            return f.indicator();
        }
        return null;
    }
}
