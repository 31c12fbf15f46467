package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.catalog.PlanDefinition;
import org.duban.catalog.PlanYaml;
import org.duban.rules.PlanRules;
import org.duban.rules.RuleSet;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Level;
import org.duban.rules.facts.Standing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java reference judge, the floor the rule engine's benchmarks are measured against, finds exactly
 * what the bundled rules find — indicator, cause, level and message — over synthetic regions (15 a day) where every
 * cause and level occurs, on as-of days from spring to the next year's final figures. Without this the
 * floor would be a guess.
 */
class ReferenceJudgeTests {

    static final List<LocalDate> DAYS = List.of(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 7, 9), LocalDate.of(2023, 10, 15),
            LocalDate.of(2023, 12, 20), LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 20), LocalDate.of(2024, 3, 15));

    static RuleSet plan;
    static List<org.duban.rules.facts.Indicator> indicators;

    @BeforeAll
    static void loadTheBundledPlan() {
        PlanDefinition definition = PlanYaml.read(Path.of("config"), "zhoucun-2023");
        plan = new PlanRules(Path.of("rules")).load(definition);
        indicators = SyntheticStandings.indicators(definition);
    }

    @Test
    void findsWhatTheRulesFindForEveryRegionOnEveryDay() {
        Judge judge = new Judge(Duration.ofMinutes(1), Clock.systemDefaultZone());
        ReferenceJudge reference = ReferenceJudge.of(plan);
        Set<String> seen = new HashSet<>();
        int findings = 0;
        for (LocalDate day : DAYS) {
            AsOf asOf = new AsOf(day, 2023);
            for (SyntheticStandings.Region region : SyntheticStandings.of(plan, indicators, 15, 7, day)) {
                Map<String, Standing> standings = region.standings(asOf);

                Judgement judgement = judge.judge(region.rules(), asOf, standings);
                List<Finding> byRules = judgement.findings();
                List<Finding> byJava = reference.judge(standings.values());

                assertThat(byJava).as("region %s on %s", region.code(), day).containsExactlyElementsOf(byRules);
                // the floor's judgement in the benchmarks: the same assessments and explanations, only no judging rule behind them
                assertThat(Judge.verdicts(region.rules(), standings, reference.fired(standings.values())).assessments())
                        .as("region %s on %s", region.code(), day).usingRecursiveFieldByFieldElementComparatorIgnoringFields("firedRules")
                        .containsExactlyElementsOf(judgement.assessments());
                byRules.forEach(finding -> seen.add(finding.cause() + "/" + finding.level()));
                findings += byRules.size();
            }
        }
        assertThat(findings).isGreaterThan(1_000);
        assertThat(seen).as("causes and levels the synthetic regions produce").containsAll(everyCauseAtEveryLevelItHas());
    }

    @Test
    void theSyntheticRegionsHaveQuietIndicatorsAndEveryLevel() {
        Judge judge = new Judge(Duration.ofMinutes(1), Clock.systemDefaultZone());
        AsOf asOf = new AsOf(LocalDate.of(2023, 10, 15), 2023);
        Set<Level> levels = EnumSet.noneOf(Level.class);
        int quiet = 0;
        for (SyntheticStandings.Region region : SyntheticStandings.of(plan, indicators, 8, 11, asOf.date())) {
            for (Assessment assessment : judge.judge(region.rules(), asOf, region.standings(asOf)).assessments()) {
                if (assessment.level() == null) {
                    quiet++;
                } else {
                    levels.add(assessment.level());
                }
            }
        }
        assertThat(levels).containsExactlyInAnyOrder(Level.values());
        assertThat(quiet).isGreaterThan(100);
    }

    @Test
    void theSameSeedGivesTheSameRegions() {
        LocalDate day = LocalDate.of(2023, 10, 15);
        List<SyntheticStandings.Region> once = SyntheticStandings.of(plan, indicators, 3, 5, day);
        List<SyntheticStandings.Region> again = SyntheticStandings.of(plan, indicators, 3, 5, day);

        for (int i = 0; i < once.size(); i++) {
            assertThat(again.get(i).reports()).isEqualTo(once.get(i).reports());
            assertThat(again.get(i).rules().criteria()).isEqualTo(once.get(i).rules().criteria());
        }
        assertThat(once.get(0).rules().criteria()).isNotEqualTo(once.get(1).rules().criteria());
    }

    /** What judging.drl can conclude: each cause with the levels its rules give it. */
    private static Set<String> everyCauseAtEveryLevelItHas() {
        Set<String> expected = new HashSet<>();
        for (Level level : EnumSet.of(Level.YELLOW, Level.ORANGE, Level.RED)) {
            expected.add(Cause.LAG + "/" + level);
            expected.add(Cause.BELOW_TARGET + "/" + level);
        }
        for (Level level : EnumSet.of(Level.BLUE, Level.YELLOW, Level.ORANGE)) {
            expected.add(Cause.MISSING + "/" + level);
        }
        List.of(Cause.TREND + "/ORANGE", Cause.QUOTA_PACE + "/YELLOW", Cause.LIMIT + "/RED", Cause.STALLED + "/YELLOW",
                Cause.DEADLINE_NEAR + "/BLUE", Cause.FINAL_PENDING + "/BLUE", Cause.OVERDUE + "/RED").forEach(expected::add);
        return expected;
    }
}
