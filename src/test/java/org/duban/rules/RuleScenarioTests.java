package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.duban.assessment.Evaluations;
import org.duban.assessment.Judgement;
import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.catalog.PlanCatalog;
import org.duban.collection.Observation;
import org.duban.collection.ObservationInput;
import org.duban.collection.ObservationIntake;
import org.duban.collection.Submitter;
import org.duban.rules.facts.Comparison;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Level;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs every scenario of {@code rules/scenarios/} against the real rules and plan: given
 * reported values and an as-of date, the findings must have the expected levels. Also checks
 * that every kind of criterion has scenarios both on track and off track.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class RuleScenarioTests {

    static final Path SCENARIOS = Path.of("rules/scenarios");
    static final String PLAN = "zhoucun-2023";

    record Scenario(String file, String name, LocalDate asOf, List<ObservationInput> given, List<Map<String, Object>> expect) {
    }

    @Autowired
    Evaluations evaluations;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    ObservationIntake intake;

    @TestFactory
    Stream<DynamicTest> everyScenarioGivesTheExpectedLevels() throws IOException {
        return scenarios().stream().map(scenario -> DynamicTest.dynamicTest(scenario.file() + ": " + scenario.name(), () -> check(scenario)));
    }

    @Test
    void everyKindOfCriterionHasScenariosOnAndOffTrack() throws IOException {
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
        // the given values pass the same checks as a department's submission: a state production cannot reach is no scenario
        List<Observation> given = scenario.given().isEmpty() ? List.of()
                : intake.preview(Optional.of(PLAN), scenario.given(), Submitter.office("scenario"));
        Judgement judgement = evaluations.judge(PLAN, scenario.asOf(), given);
        Set<String> inPlan = new HashSet<>();
        catalog.tasks(PLAN).forEach(task -> task.indicators().forEach(i -> inPlan.add(i.code())));
        for (Map<String, Object> expected : scenario.expect()) {
            String indicator = String.valueOf(expected.get("indicator"));
            assertThat(inPlan).as(scenario.name() + ": 指标 " + indicator + " 不在计划 " + PLAN + " 中").contains(indicator);
            Optional<String> cause = Optional.ofNullable(expected.get("cause")).map(String::valueOf);
            List<Finding> findings = judgement.findings().stream()
                    .filter(f -> f.indicator().equals(indicator))
                    .filter(f -> cause.map(c -> f.cause().name().equals(c)).orElse(true))
                    .toList();
            String context = scenario.name() + " — " + indicator + cause.map(c -> "/" + c).orElse("") + "; findings: " + judgement.findings().stream()
                    .filter(f -> f.indicator().equals(indicator)).map(f -> f.cause() + "=" + f.level() + " " + f.message()).toList();
            if (expected.containsKey("level")) {
                String level = String.valueOf(expected.get("level"));
                Optional<Level> highest = findings.stream().map(Finding::level).max(Enum::compareTo);
                assertThat(highest.map(Enum::name).orElse("NONE")).as(context).isEqualTo(level);
            }
            if (expected.containsKey("met")) {
                assertThat(judgement.met().contains(indicator)).as(context + " — met").isEqualTo(expected.get("met"));
            }
            if (expected.containsKey("explanation")) {
                assertThat(judgement.assessments()).as(context).filteredOn(a -> a.indicator().equals(indicator))
                        .singleElement().satisfies(a -> assertThat(a.explanation()).contains(String.valueOf(expected.get("explanation"))));
            }
            if (expected.containsKey("message")) {
                assertThat(findings).as(context).anySatisfy(f -> assertThat(f.message()).contains(String.valueOf(expected.get("message"))));
            }
        }
    }

    /** YAML reads an unquoted 2023-09-30 as a timestamp at midnight UTC. */
    private static LocalDate date(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    static List<Scenario> scenarios() throws IOException {
        List<Scenario> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SCENARIOS)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file)) {
                Map<String, Object> root = new Yaml().load(reader);
                for (Map<String, Object> s : (List<Map<String, Object>>) root.get("scenarios")) {
                    List<ObservationInput> given = new ArrayList<>();
                    int row = 0;
                    for (Map<String, Object> g : (List<Map<String, Object>>) s.getOrDefault("given", List.of())) {
                        row++;
                        given.add(ObservationInput.of(String.valueOf(g.get("indicator")), date(g.get("date")).toString(), g.get("value"),
                                g.get("reference"), null, "given 第 " + row + " 条"));
                    }
                    all.add(new Scenario(SCENARIOS.relativize(file).toString(), String.valueOf(s.get("name")),
                            date(s.get("asOf")), given, (List<Map<String, Object>>) s.get("expect")));
                }
            }
        }
        assertThat(all).as("scenarios under " + SCENARIOS).isNotEmpty();
        return all;
    }
}
