package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.duban.catalog.CatalogProblem;
import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.catalog.PlanCatalog;
import org.duban.rules.facts.Comparison;
import org.duban.workbench.RuleCheck;
import org.duban.workbench.Scenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs every scenario of {@code rules/scenarios/} against the real rules and plan, through the
 * workbench's {@link RuleCheck} (the code {@code duban check} runs): given reported values and an as-of date, the findings must have the expected levels. Also checks
 * that every kind of criterion has scenarios both on track and off track.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class RuleScenarioTests {

    static final String PLAN = "zhoucun-2023";

    @Autowired
    RuleCheck ruleCheck;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    RuleSets ruleSets;


    @TestFactory
    Stream<DynamicTest> everyScenarioGivesTheExpectedLevels() {
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.file() + ": " + scenario.name(), () -> check(scenario)));
    }

    @Test
    void everyKindOfCriterionHasScenariosOnAndOffTrack() {
        Map<String, Indicator> indicators = new java.util.HashMap<>();
        catalog.tasks(PLAN).forEach(task -> task.indicators().forEach(i -> indicators.put(i.code(), i)));
        Set<String> onTrack = new HashSet<>();
        Set<String> offTrack = new HashSet<>();
        for (Scenario scenario : scenarios()) {
            for (Map<String, Object> expected : scenario.expect()) {
                String code = String.valueOf(expected.get("indicator"));
                if (indicators.containsKey(code) && expected.containsKey("level")) {
                    Comparison comparison = ruleSets.current(PLAN).orElseThrow().criterion(code).orElseThrow().criterion().comparison();
                    String kind = indicators.get(code).kind() + "/" + comparison;
                    ("NONE".equals(expected.get("level")) ? onTrack : offTrack).add(kind);
                }
            }
        }
        Set<String> used = new HashSet<>();
        indicators.values().forEach(i -> used.add(i.kind() + "/" + ruleSets.current(PLAN).orElseThrow().criterion(i.code()).orElseThrow().criterion().comparison()));
        assertThat(onTrack).as("kinds with an on-track scenario").containsAll(used);
        assertThat(offTrack).as("kinds with an off-track scenario").containsAll(used);
        assertThat(EnumSet.allOf(IndicatorKind.class)).allSatisfy(kind -> assertThat(used).anyMatch(u -> u.startsWith(kind + "/")));
    }

    private void check(Scenario scenario) {
        Map<String, RuleSet> sets = Map.of(PLAN, ruleSets.current(PLAN).orElseThrow());
        RuleCheck.ScenarioResult result = ruleCheck.run(scenario, sets);
        assertThat(result.error()).as(scenario.name()).isNull();
        assertThat(result.expectations()).as(scenario.name()).hasSameSizeAs(scenario.expect())
                .allSatisfy(e -> assertThat(e.passed()).as(scenario.name() + " — " + e).isTrue());
    }

    List<Scenario> scenarios() {
        List<CatalogProblem> problems = new ArrayList<>();
        List<Scenario> all = ruleCheck.scenarios(problems);
        assertThat(problems).isEmpty();
        assertThat(all).as("scenarios under rules/scenarios").isNotEmpty();
        return all;
    }
}
