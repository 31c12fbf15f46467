package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.duban.ConfigCopy;
import org.duban.catalog.CatalogProblem;
import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.collection.ObservationInput;
import org.duban.rules.facts.Comparison;
import org.duban.workbench.RuleCheck;
import org.duban.workbench.Scenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs every scenario of {@code rules/scenarios/} against the rules of the plan it names, through the
 * workbench's {@link RuleCheck} (the code {@code duban check} runs), with every plan loaded that a user
 * could load: the built-in zhoucun-2023 and the example zhangdian-2023, whose indicator codes overlap.
 * Also checks that every plan has scenarios, and every kind of criterion a plan uses has scenarios in
 * that plan both on track and off track.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class RuleScenarioTests {

    static final ConfigCopy COPY = new ConfigCopy().withExample("zhangdian");

    @DynamicPropertySource
    static void copiedFiles(DynamicPropertyRegistry registry) {
        COPY.register(registry);
    }

    @Autowired
    RuleCheck ruleCheck;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    RuleSets ruleSets;

    @TestFactory
    Stream<DynamicTest> everyScenarioGivesTheExpectedLevels() {
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(
                scenario.file() + " [" + scenario.plan().orElse("?") + "]: " + scenario.name(), () -> check(scenario)));
    }

    @Test
    void everyPlanHasScenariosAndEveryScenarioNamesItsPlan() {
        assertThat(scenarios()).allSatisfy(scenario -> assertThat(scenario.plan()).as(scenario.file()).isPresent());
        assertThat(scenarios()).extracting(scenario -> scenario.plan().orElseThrow()).containsAll(planCodes()).isSubsetOf(planCodes());
    }

    @Test
    void everyKindOfCriterionHasScenariosOnAndOffTrackInEachPlan() {
        for (String plan : planCodes()) {
            RuleSet rules = ruleSets.current(plan).orElseThrow();
            Map<String, Indicator> indicators = new HashMap<>();
            catalog.tasks(plan).forEach(task -> task.indicators().forEach(i -> indicators.put(i.code(), i)));
            Set<String> onTrack = new HashSet<>();
            Set<String> offTrack = new HashSet<>();
            scenarios().stream().filter(scenario -> scenario.plan().orElseThrow().equals(plan)).forEach(scenario -> {
                for (Map<String, Object> expected : scenario.expect()) {
                    String code = String.valueOf(expected.get("indicator"));
                    if (indicators.containsKey(code) && expected.containsKey("level")) {
                        ("NONE".equals(expected.get("level")) ? onTrack : offTrack).add(kind(indicators.get(code), rules));
                    }
                }
            });
            Set<String> used = new HashSet<>();
            indicators.values().forEach(i -> used.add(kind(i, rules)));
            assertThat(onTrack).as("kinds of %s with an on-track scenario", plan).containsAll(used);
            assertThat(offTrack).as("kinds of %s with an off-track scenario", plan).containsAll(used);
        }
    }

    @Test
    void theBuiltInPlanUsesEveryKindOfIndicator() {
        Set<IndicatorKind> used = new HashSet<>();
        catalog.tasks("zhoucun-2023").forEach(task -> task.indicators().forEach(i -> used.add(i.kind())));
        assertThat(used).containsAll(EnumSet.allOf(IndicatorKind.class));
    }

    @Test
    void anExpectedIndicatorThatIsNotInTheScenariosPlanFailsIt() {
        // T54-3 is Zhoucun's 落实率; Zhangdian's plan has no T54-3 (its 落实率 is T54-2)
        Scenario scenario = scenario(Optional.of("zhangdian-2023"), List.of(), List.of(Map.of("indicator", "T54-3", "level", "NONE")));

        RuleCheck.ScenarioResult result = ruleCheck.run(scenario, sets());

        assertThat(result.passed()).isFalse();
        assertThat(result.error()).isEqualTo("指标 T54-3 不在计划 zhangdian-2023 中");
    }

    @Test
    void aGivenIndicatorThatIsNotInTheScenariosPlanFailsIt() {
        Scenario scenario = scenario(Optional.of("zhangdian-2023"),
                List.of(ObservationInput.of("T54-3", "2023-09-30", 88, null, null, "given 第 1 条")),
                List.of(Map.of("indicator", "T54-2", "level", "NONE")));

        RuleCheck.ScenarioResult result = ruleCheck.run(scenario, sets());

        assertThat(result.passed()).isFalse();
        assertThat(result.error()).startsWith("计划 zhangdian-2023：").contains("T54-3");
    }

    @Test
    void aScenarioWithoutItsPlanFailsNamingItsFileWhenSeveralPlansAreLoaded() {
        Scenario scenario = scenario(Optional.empty(), List.of(), List.of(Map.of("indicator", "T22-1", "level", "NONE")));

        RuleCheck.ScenarioResult result = ruleCheck.run(scenario, sets());

        assertThat(result.passed()).isFalse();
        assertThat(result.error()).isEqualTo("场景文件 rules/scenarios/unnamed.yaml 没有写 plan:（已加载: zhangdian-2023、zhoucun-2023），请在文件顶层写 plan: <计划编码>");
    }

    @Test
    void aScenarioWithoutItsPlanRunsAgainstTheOnlyPlanLoadedAndSaysSo() {
        Scenario scenario = scenario(Optional.empty(), List.of(), List.of(Map.of("indicator", "T22-1", "level", "NONE")));

        RuleCheck.ScenarioResult result = ruleCheck.run(scenario, Map.of("zhoucun-2023", ruleSets.current("zhoucun-2023").orElseThrow()));

        assertThat(result.plan()).isEqualTo("zhoucun-2023");
        assertThat(result.note()).isEqualTo("场景文件未写 plan:，按唯一加载的计划 zhoucun-2023 运行");
        assertThat(result.error()).isNull();
    }

    @Test
    void aScenarioWithoutExpectationsFails() {
        RuleCheck.ScenarioResult result = ruleCheck.run(scenario(Optional.of("zhoucun-2023"), List.of(), List.of()), sets());

        assertThat(result.passed()).isFalse();
        assertThat(result.error()).contains("没有 expect");
    }

    private static Scenario scenario(Optional<String> plan, List<ObservationInput> given, List<Map<String, Object>> expect) {
        return new Scenario("rules/scenarios/unnamed.yaml", "测试场景", plan, LocalDate.of(2023, 9, 30), given, expect);
    }

    private static String kind(Indicator indicator, RuleSet rules) {
        Comparison comparison = rules.criterion(indicator.code()).orElseThrow().criterion().comparison();
        return indicator.kind() + "/" + comparison;
    }

    private void check(Scenario scenario) {
        RuleCheck.ScenarioResult result = ruleCheck.run(scenario, sets());
        assertThat(result.error()).as(scenario.name()).isNull();
        assertThat(result.expectations()).as(scenario.name()).hasSameSizeAs(scenario.expect())
                .allSatisfy(e -> assertThat(e.passed()).as(scenario.name() + " — " + e).isTrue());
    }

    private Map<String, RuleSet> sets() {
        Map<String, RuleSet> sets = new LinkedHashMap<>();
        planCodes().forEach(plan -> sets.put(plan, ruleSets.current(plan).orElseThrow()));
        return sets;
    }

    private List<String> planCodes() {
        return catalog.plans().stream().map(Plan::code).toList();
    }

    List<Scenario> scenarios() {
        List<CatalogProblem> problems = new ArrayList<>();
        List<Scenario> all = ruleCheck.scenarios(problems);
        assertThat(problems).isEmpty();
        assertThat(all).as("scenarios under rules/scenarios").isNotEmpty();
        return all;
    }
}
