package org.duban.rules;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.duban.catalog.CatalogProblem;
import org.duban.catalog.IndicatorKind;
import org.duban.catalog.PlanDefinition;
import org.duban.catalog.PlanDefinition.IndicatorDefinition;
import org.duban.rules.RuleSet.StatedCriterion;
import org.duban.rules.facts.Comparison;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.PlanScope;
import org.duban.rules.facts.ReportingTerms;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Finds out what the task rules state: fires them once with no data, records every criterion
 * each rule inserts, and checks the result against the plan's indicators. This is how the API
 * learns targets and deadlines without keeping a second copy of them. The firing sees the plan
 * being stated ({@link PlanScope}), so one folder can state different criteria for each region.
 */
final class StatedCriteria {

    private static final Map<IndicatorKind, Set<Comparison>> ALLOWED = Map.of(
            IndicatorKind.ADDITION, EnumSet.of(Comparison.AT_LEAST, Comparison.AT_MOST, Comparison.BETWEEN),
            IndicatorKind.LEVEL, EnumSet.of(Comparison.AT_LEAST, Comparison.AT_MOST, Comparison.BETWEEN, Comparison.HOLD_AT_LEAST,
                    Comparison.HOLD_AT_MOST),
            IndicatorKind.RATE, EnumSet.of(Comparison.AT_LEAST, Comparison.AT_MOST, Comparison.ABOVE, Comparison.AROUND,
                    Comparison.HOLD_AT_LEAST, Comparison.HOLD_AT_MOST),
            IndicatorKind.GROWTH, EnumSet.of(Comparison.AT_LEAST, Comparison.AT_MOST, Comparison.ABOVE, Comparison.AROUND,
                    Comparison.HOLD_AT_LEAST, Comparison.HOLD_AT_MOST),
            IndicatorKind.CEILING, EnumSet.of(Comparison.WITHIN_QUOTA),
            IndicatorKind.RELATIVE, EnumSet.of(Comparison.ABOVE_REFERENCE, Comparison.BELOW_REFERENCE),
            IndicatorKind.MILESTONE, EnumSet.of(Comparison.COMPLETED, Comparison.STARTED),
            IndicatorKind.WATER_CLASS, EnumSet.of(Comparison.BETTER_THAN));

    /** Generous bound: stating criteria takes one firing per indicator; more means a loop. */
    private static final int MAX_FIRINGS = 100_000;

    record Result(Map<String, StatedCriterion> criteria, ReportingTerms terms, List<CatalogProblem> problems) {
    }

    private record Inserted(Rule rule, Object fact) {
    }

    private final Map<String, RuleSource> sourcesByRule;
    private final List<CatalogProblem> problems = new ArrayList<>();
    private final Duration limit;

    /** @param limit how long firing the rules may take before the load is given up */
    StatedCriteria(List<RuleSource> sources, Duration limit) {
        this.limit = limit;
        this.sourcesByRule = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            for (String rule : source.ruleNames()) {
                sourcesByRule.put(key(source.packageName(), rule), source);
            }
        }
    }

    Result collect(KieBase kieBase, PlanDefinition plan, String rulesFolder) {
        Map<String, IndicatorDefinition> indicators = plan.indicators()
                .collect(Collectors.toMap(IndicatorDefinition::code, Function.identity(), (a, b) -> a));
        Map<String, StatedCriterion> criteria = new LinkedHashMap<>();
        List<Inserted> fired;
        try {
            fired = fire(kieBase, new PlanScope(plan.code(), plan.region().code()));
        } catch (RuleFiring.RulesRanAway e) {
            // one clear message instead of a missing criterion per indicator
            problems.add(new CatalogProblem("rules/" + rulesFolder, 0, "", "加载规则时" + e.getMessage() + " 上次成功加载的规则继续有效。"));
            return new Result(Map.of(), ReportingTerms.DEFAULT, List.copyOf(problems));
        }
        List<Object> facts = new ArrayList<>();
        for (Inserted inserted : fired) {
            facts.add(inserted.fact());
            if (inserted.fact() instanceof Criterion criterion) {
                accept(inserted.rule(), criterion, indicators, plan, criteria);
            } else if (inserted.fact() instanceof Criterion.Draft draft) {
                problem(inserted.rule(), "指标 " + draft.indicator() + " 的判定标准缺少截止日期 .by(\"YYYY-MM-DD\")");
            }
        }
        for (IndicatorDefinition indicator : indicators.values()) {
            if (!criteria.containsKey(indicator.code())) {
                problems.add(new CatalogProblem(plan.sourceFile(), indicator.line(), "indicators",
                        "指标 " + indicator.code() + " 在 rules/" + rulesFolder + " 中没有判定规则（应有一条 insert(Criterion.of(\"" + indicator.code() + "\")…)）"));
            }
        }
        return new Result(criteria, ReportingTerms.from(facts), List.copyOf(problems));
    }

    private void accept(Rule rule, Criterion criterion, Map<String, IndicatorDefinition> indicators, PlanDefinition plan,
                        Map<String, StatedCriterion> criteria) {
        IndicatorDefinition indicator = indicators.get(criterion.indicator());
        if (indicator == null) {
            problem(rule, "引用了未知指标 " + criterion.indicator() + "（计划 " + plan.sourceFile() + " 中没有此指标）");
            return;
        }
        Object declared = rule.getMetaData().get("indicator");
        if (declared != null && !Objects.equals(declared.toString(), criterion.indicator())) {
            problem(rule, "元数据 @indicator(\"" + declared + "\") 与规则插入的指标 " + criterion.indicator() + " 不一致");
        }
        if (indicator.kind() != null && !ALLOWED.get(indicator.kind()).contains(criterion.comparison())) {
            problem(rule, "指标 " + criterion.indicator() + " 的类型为 " + indicator.kind() + "，不能用比较方式 " + criterion.comparison()
                    + "（可用: " + ALLOWED.get(indicator.kind()) + "）");
        }
        if (criterion.accumulating() && indicator.kind() != IndicatorKind.RATE && indicator.kind() != IndicatorKind.GROWTH) {
            problem(rule, "指标 " + criterion.indicator() + " 的类型为 " + indicator.kind() + "，accumulating() 只用于年内逐步达到的比率（RATE、GROWTH）");
        }
        if (criterion.deadline().isBefore(LocalDate.of(plan.year(), 1, 1))) {
            problem(rule, "截止日期 " + criterion.deadline() + " 早于计划年度 " + plan.year() + " 年");
        }
        RuleSource source = sourcesByRule.get(key(rule.getPackageName(), rule.getName()));
        StatedCriterion stated = new StatedCriterion(criterion, rule.getName(),
                source == null ? "" : source.path(), source == null ? 0 : source.lineOf(rule.getName()));
        StatedCriterion earlier = criteria.putIfAbsent(criterion.indicator(), stated);
        if (earlier != null) {
            problem(rule, "指标 " + criterion.indicator() + " 已有判定标准（规则 \"" + earlier.rule() + "\"，" + earlier.file() + " 第 " + earlier.line() + " 行）");
        }
    }

    /** @param scope the plan stated, for rules (a criteria table's rows) that hold for one region only */
    private List<Inserted> fire(KieBase kieBase, PlanScope scope) {
        List<Inserted> inserted = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        inserted.add(new Inserted(event.getRule(), event.getObject()));
                    }
                }
            });
            session.insert(scope);
            fireReportingFailures(session);
        } finally {
            session.dispose();
        }
        return inserted;
    }

    /** A failing rule is reported and the others still fire, so one run names every broken rule. */
    private void fireReportingFailures(KieSession session) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int failures = 0; failures < 1_000; failures++) {
            try {
                Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 0));
                RuleFiring.fire(session, MAX_FIRINGS, left, this::place);
                return;
            } catch (ConsequenceException e) {
                problem(e.getMatch().getRule(), failure(e.getCause() != null ? e.getCause() : e));
            }
        }
    }

    /**
     * A fixed message, never the exception's own: that text is made at run time and could carry
     * whatever the rule read, and load errors are shown to every account that may read them.
     */
    private static String failure(Throwable cause) {
        if (cause instanceof DateTimeException) {
            return "规则执行出错：日期无效（应为存在的日期，写作 \"YYYY-MM-DD\"）";
        }
        return "规则执行出错（" + cause.getClass().getSimpleName() + "），请检查此规则的写法";
    }

    private String place(Rule rule) {
        RuleSource source = sourcesByRule.get(key(rule.getPackageName(), rule.getName()));
        return source == null ? "rules" : source.placeOf(rule.getName());
    }

    private void problem(Rule rule, String message) {
        RuleSource source = sourcesByRule.get(key(rule.getPackageName(), rule.getName()));
        problems.add(new CatalogProblem(source == null ? "rules" : source.path(), source == null ? 0 : source.lineOf(rule.getName()),
                (source == null || source.sheetOf(rule.getName()).isEmpty() ? "" : "工作表 " + source.sheetOf(rule.getName()) + " ")
                        + "rule \"" + rule.getName() + "\"", message));
    }

    private static String key(String packageName, String rule) {
        return packageName + "/" + rule;
    }
}
