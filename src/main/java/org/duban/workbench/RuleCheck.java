package org.duban.workbench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.DubanSettings;
import org.duban.assessment.Assessment;
import org.duban.assessment.Evaluations;
import org.duban.assessment.Judgement;
import org.duban.catalog.CatalogProblem;
import org.duban.collection.Observation;
import org.duban.collection.ObservationIntake;
import org.duban.collection.ObservationsRejected;
import org.duban.collection.Submitter;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Level;
import org.springframework.stereotype.Service;

/**
 * The workbench's API: checks the rules folder as production would load it — every plan's rules
 * compiled, guarded and bytecode-checked, their criteria checked against the plan — and runs every
 * scenario of {@code rules/scenarios/} against the result, the given values going through the
 * intake's checks first ({@link ObservationIntake#preview}). Puts nothing into force and writes
 * nothing. {@code java -jar duban.jar check}, {@code POST /api/rules/check} and the scenario tests
 * all run this.
 */
@Service
public class RuleCheck {

    /** One expected line of a scenario and what the rules gave. */
    public record Expectation(String indicator, String cause, String expectedLevel, String actualLevel, Boolean expectedMet,
                              boolean actualMet, String expectedText, String actualMessage, String explanation, boolean passed) {
    }

    /**
     * A scenario's outcome against {@code plan}; {@code error} says why it could not be judged (no plan, an
     * indicator not in it, a value the intake refuses); {@code note}, how its plan was chosen when it named none.
     */
    public record ScenarioResult(String file, String name, String plan, String asOf, boolean passed, String error,
                                 List<Expectation> expectations, String note) {
    }

    public record Report(List<CatalogProblem> problems, List<ScenarioResult> scenarios) {
        public boolean ok() {
            return problems.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
        }

        public long failedScenarios() {
            return scenarios.stream().filter(s -> !s.passed()).count();
        }
    }

    private final RuleSets ruleSets;
    private final Evaluations evaluations;
    private final ObservationIntake intake;
    private final DubanSettings settings;

    RuleCheck(RuleSets ruleSets, Evaluations evaluations, ObservationIntake intake, DubanSettings settings) {
        this.ruleSets = ruleSets;
        this.evaluations = evaluations;
        this.intake = intake;
        this.settings = settings;
    }

    /** Checks the folder, with {@code overrides} (path under rules/ → text) laid over it. */
    public Report check(Map<String, String> overrides) {
        RuleSets.Candidate candidate = ruleSets.candidate(overrides);
        List<CatalogProblem> problems = new ArrayList<>(candidate.problems());
        List<Scenario> scenarios = scenarios(problems);
        if (!candidate.ok()) {
            return new Report(problems, List.of());
        }
        List<ScenarioResult> results = scenarios.stream().map(s -> run(s, candidate.sets())).toList();
        return new Report(problems, results);
    }

    /** The scenarios of {@code rules/scenarios/}; problems reading them are added to {@code problems}. */
    public List<Scenario> scenarios(List<CatalogProblem> problems) {
        return Scenario.readAll(settings.rulesDir().resolve("scenarios"), problems);
    }

    /**
     * Runs one scenario against the rule sets given (by plan code): those of the plan it names. A
     * scenario naming no plan runs only where exactly one plan is loaded, and says so in its note;
     * with several it fails naming its file, as a guess could judge it by another plan's rules
     * (district plans share indicator codes). An indicator not in its plan fails it, given or expected.
     */
    public ScenarioResult run(Scenario scenario, Map<String, RuleSet> sets) {
        String asOf = scenario.asOf().toString();
        String loaded = sets.isEmpty() ? "（尚未加载任何计划）" : "（已加载: " + String.join("、", sets.keySet().stream().sorted().toList()) + "）";
        String note = null;
        RuleSet rules;
        if (scenario.plan().isPresent()) {
            rules = sets.get(scenario.plan().get());
            if (rules == null) {
                return failed(scenario, scenario.plan().get(), "场景文件 " + scenario.file() + " 写的计划 " + scenario.plan().get() + " 没有加载" + loaded);
            }
        } else if (sets.size() == 1) {
            rules = sets.values().iterator().next();
            note = "场景文件未写 plan:，按唯一加载的计划 " + rules.planCode() + " 运行";
        } else {
            return failed(scenario, "", "场景文件 " + scenario.file() + " 没有写 plan:" + loaded + "，请在文件顶层写 plan: <计划编码>");
        }
        if (scenario.expect().isEmpty()) {
            return failed(scenario, rules.planCode(), "场景没有 expect：至少写一条期望，否则它什么也不检查");
        }
        List<Observation> given;
        try {
            // the given values pass the same checks as a department's submission: a state production cannot reach is no scenario
            given = scenario.given().isEmpty() ? List.of() : intake.preview(Optional.of(rules.planCode()), scenario.given(), Submitter.office("scenario"));
        } catch (ObservationsRejected e) {
            return failed(scenario, rules.planCode(), "计划 " + rules.planCode() + "：" + e.getMessage());
        }
        Judgement judgement = evaluations.judge(rules, scenario.asOf(), given);
        Set<String> inPlan = new HashSet<>();
        judgement.assessments().forEach(a -> inPlan.add(a.indicator()));
        List<Expectation> expectations = new ArrayList<>();
        for (Map<String, Object> expected : scenario.expect()) {
            String indicator = String.valueOf(expected.get("indicator"));
            if (!inPlan.contains(indicator)) {
                return new ScenarioResult(scenario.file(), scenario.name(), rules.planCode(), asOf, false,
                        "指标 " + indicator + " 不在计划 " + rules.planCode() + " 中", expectations, note);
            }
            expectations.add(expectation(expected, indicator, judgement));
        }
        return new ScenarioResult(scenario.file(), scenario.name(), rules.planCode(), asOf,
                expectations.stream().allMatch(Expectation::passed), null, expectations, note);
    }

    private static ScenarioResult failed(Scenario scenario, String plan, String error) {
        return new ScenarioResult(scenario.file(), scenario.name(), plan, scenario.asOf().toString(), false, error, List.of(), null);
    }

    private static Expectation expectation(Map<String, Object> expected, String indicator, Judgement judgement) {
        Optional<String> cause = Optional.ofNullable(expected.get("cause")).map(String::valueOf);
        List<Finding> findings = judgement.findings().stream().filter(f -> f.indicator().equals(indicator))
                .filter(f -> cause.map(c -> f.cause().name().equals(c)).orElse(true)).toList();
        Assessment assessment = judgement.assessments().stream().filter(a -> a.indicator().equals(indicator)).findFirst().orElseThrow();
        String actualLevel = findings.stream().map(Finding::level).max(Enum::compareTo).map(Level::name).orElse("NONE");
        String message = String.join("；", findings.stream().map(Finding::message).toList());
        boolean passed = true;
        String level = expected.containsKey("level") ? String.valueOf(expected.get("level")) : null;
        passed &= level == null || level.equals(actualLevel);
        Boolean met = expected.containsKey("met") ? Boolean.valueOf(String.valueOf(expected.get("met"))) : null;
        passed &= met == null || met == assessment.met();
        String text = null;
        if (expected.containsKey("explanation")) {
            text = String.valueOf(expected.get("explanation"));
            passed &= assessment.explanation().contains(text);
        }
        if (expected.containsKey("message")) {
            text = String.valueOf(expected.get("message"));
            String wanted = text;
            passed &= findings.stream().anyMatch(f -> f.message().contains(wanted));
        }
        return new Expectation(indicator, cause.orElse(null), level, actualLevel, met, assessment.met(), text, message,
                assessment.explanation(), passed);
    }
}
