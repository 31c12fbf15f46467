package org.duban.workbench;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.duban.assessment.Assessment;
import org.duban.assessment.Evaluations;
import org.duban.assessment.Firing;
import org.duban.assessment.Judgement;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Observations;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.FactText;
import org.duban.rules.facts.Indicator;
import org.duban.rules.facts.Report;
import org.duban.rules.facts.Reports;
import org.duban.rules.facts.Standing;
import org.duban.rules.facts.Standings;
import org.springframework.stereotype.Service;

/**
 * For a rule author: how one indicator was judged on a day, rule by rule. Each judging rule (a rule
 * whose condition matches a {@link Standing}) with whether it fired and, where it did not, its
 * condition as written beside the values of the standing it names, and the indicator's explanation
 * (which names the nearest threshold missed). Judges the stored data with the rules in force;
 * writes nothing.
 */
@Service
public class NearMisses {

    private static final Pattern NAME = Pattern.compile("\\b([a-z][A-Za-z]*)\\b");

    public record RuleOutcome(String rule, String file, String sheet, int line, boolean fired, String condition, Map<String, Object> values) {
    }

    public record Result(String plan, String indicator, LocalDate asOf, String ruleSetVersion, String standing, Assessment assessment,
                         List<RuleOutcome> rules) {
    }

    private final RuleSets ruleSets;
    private final Evaluations evaluations;
    private final PlanCatalog catalog;
    private final Observations observations;

    NearMisses(RuleSets ruleSets, Evaluations evaluations, PlanCatalog catalog, Observations observations) {
        this.ruleSets = ruleSets;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.observations = observations;
    }

    public Optional<Result> explain(Optional<String> planCode, String indicatorCode, LocalDate asOf) {
        Optional<Plan> plan = catalog.plan(planCode);
        Optional<RuleSet> rules = plan.flatMap(p -> ruleSets.current(p.code()));
        Optional<Indicator> indicator = plan.flatMap(p -> indicator(p.code(), indicatorCode));
        if (rules.isEmpty() || indicator.isEmpty() || rules.get().criterion(indicatorCode).isEmpty()) {
            return Optional.empty();
        }
        RuleSet set = rules.get();
        Judgement judgement = evaluations.judge(set, asOf, null);
        Assessment assessment = judgement.assessments().stream().filter(a -> a.indicator().equals(indicatorCode)).findFirst().orElseThrow();
        Set<String> fired = judgement.firings().stream().filter(f -> indicatorCode.equals(f.indicator())).map(Firing::rule)
                .collect(Collectors.toSet());
        Standing standing = standing(plan.get(), set, indicator.get(), asOf);
        List<RuleOutcome> checks = new ArrayList<>();
        for (RuleSets.RuleText rule : ruleSets.rules(set.planCode())) {
            if (rule.condition().contains("Standing(")) {
                boolean didFire = fired.contains(rule.name());
                checks.add(new RuleOutcome(rule.name(), rule.file(), rule.sheet(), rule.line(), didFire, rule.condition(),
                        didFire ? Map.of() : values(rule.condition(), standing)));
            }
        }
        return Optional.of(new Result(set.planCode(), indicatorCode, asOf, set.version(), FactText.of(standing), assessment, checks));
    }

    private Optional<Indicator> indicator(String planCode, String code) {
        for (Task task : catalog.tasks(planCode)) {
            for (org.duban.catalog.Indicator i : task.indicators()) {
                if (i.code().equals(code)) {
                    return Optional.of(new Indicator(i.code(), i.name(), i.unit(), i.kind(), i.frequency().name(), task.number()));
                }
            }
        }
        return Optional.empty();
    }

    private Standing standing(Plan plan, RuleSet set, Indicator indicator, LocalDate asOf) {
        List<Report> reports = observations.latestUpTo(plan.code(), asOf).stream()
                .filter(o -> o.indicator().equals(indicator.code()) && !o.date().isAfter(asOf))
                .map(o -> new Report(o.date(), o.value(), o.text(), o.reference())).toList();
        return Standings.of(indicator, set.criterion(indicator.code()).orElseThrow().criterion(), new Reports(indicator.code(), reports),
                new AsOf(asOf, plan.year()), set.terms());
    }

    /** The standing's values the condition names ({@code lag}, {@code beforeDeadline}, …), in the order it names them. */
    private static Map<String, Object> values(String condition, Standing standing) {
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : Standing.class.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Matcher names = NAME.matcher(condition);
        while (names.find()) {
            String name = names.group(1);
            if (values.containsKey(name)) {
                continue;
            }
            try {
                // a record component, or a derived property of the standing (quotaAhead, projectedOverQuota, …)
                java.lang.reflect.Method accessor = components.containsKey(name) ? components.get(name).getAccessor()
                        : Standing.class.getMethod(name);
                if (accessor.getDeclaringClass() != Standing.class || accessor.getReturnType() == void.class) {
                    continue;
                }
                Object value = accessor.invoke(standing);
                values.put(name, value == null || value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
            } catch (NoSuchMethodException e) {
                // a word of the condition that is no property of the standing (a type, a keyword)
            } catch (ReflectiveOperationException e) {
                values.put(name, "?");
            }
        }
        return values;
    }
}
