package org.duban.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.rules.RuleSet;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Indicator;
import org.duban.rules.facts.Progress;
import org.duban.rules.facts.Reports;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Fires a rule set over one as-of date's facts in a fresh session, with plain inserts: a full
 * re-evaluation each time is cheap at this size and needs no truth maintenance. Pure: it reads
 * and writes no database, which is why rule scenarios can run it directly.
 */
final class Judge {

    /** Far above what 141 indicators need; more means a rule loops. */
    private static final int MAX_FIRINGS = 200_000;
    private static final int FACTS_SUMMARY_LIMIT = 2_000;

    private final java.time.Clock clock;

    Judge(java.time.Clock clock) {
        this.clock = clock;
    }

    Judgement judge(RuleSet rules, AsOf asOf, List<Indicator> indicators, Map<String, Reports> reports) {
        Map<String, Integer> tasks = indicators.stream().collect(Collectors.toMap(Indicator::code, Indicator::task, (a, b) -> a));
        List<Firing> firings = new ArrayList<>();
        Map<Finding, String> raisedBy = new LinkedHashMap<>();
        List<Criterion> criteria = new ArrayList<>();
        KieSession session = rules.newSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    firings.add(firing(rules, event.getMatch().getRule(), event.getMatch().getObjects(), tasks));
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getObject() instanceof Finding finding) {
                        raisedBy.put(finding, event.getRule() == null ? "" : event.getRule().getName());
                    } else if (event.getObject() instanceof Criterion criterion) {
                        criteria.add(criterion);
                    }
                }
            });
            session.insert(asOf);
            indicators.forEach(session::insert);
            for (Indicator indicator : indicators) {
                session.insert(reports.getOrDefault(indicator.code(), new Reports(indicator.code(), List.of())));
            }
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("规则触发次数超过上限 " + MAX_FIRINGS + "，可能有规则循环触发");
            }
        } finally {
            session.dispose();
        }
        Set<String> met = new HashSet<>();
        for (Criterion criterion : criteria) {
            if (criterion.metBy(reports.getOrDefault(criterion.indicator(), new Reports(criterion.indicator(), List.of())))) {
                met.add(criterion.indicator());
            }
        }
        List<Finding> highest = highestPerIndicatorAndCause(raisedBy.keySet());
        Map<Finding, String> rulesOfHighest = new HashMap<>();
        highest.forEach(finding -> rulesOfHighest.put(finding, raisedBy.get(finding)));
        return new Judgement(highest, rulesOfHighest, met, firings);
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
        // rules with an empty condition match Drools' own initial fact, which says nothing to a reader
        String facts = objects.stream().filter(o -> !o.getClass().getSimpleName().contains("InitialFact"))
                .map(String::valueOf).collect(Collectors.joining(" | "));
        if (facts.length() > FACTS_SUMMARY_LIMIT) {
            facts = facts.substring(0, FACTS_SUMMARY_LIMIT - 1) + "…";
        }
        return new Firing(rule.getName(), rules.fileOf(rule.getPackageName(), rule.getName()), task, indicator, facts, clock.instant());
    }

    private static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    private static String indicatorOf(Object fact) {
        if (fact instanceof Criterion c) {
            return c.indicator();
        } else if (fact instanceof Indicator i) {
            return i.code();
        } else if (fact instanceof Reports r) {
            return r.indicator();
        } else if (fact instanceof Progress p) {
            return p.indicator().code();
        } else if (fact instanceof Finding f) {
            return f.indicator();
        }
        return null;
    }

}
