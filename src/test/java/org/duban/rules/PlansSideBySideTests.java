package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.assessment.Assessment;
import org.duban.assessment.Evaluations;
import org.duban.assessment.Judgement;
import org.duban.catalog.CatalogProblem;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanDefinition;
import org.duban.collection.ObservationInput;
import org.duban.collection.ObservationIntake;
import org.duban.collection.Submitter;
import org.duban.rules.RuleSet.StatedCriterion;
import org.duban.rules.facts.Comparison;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Plans side by side: each plan's rules load on their own (one plan's broken file leaves the others'
 * new rules in force and keeps its own last good set), packages follow folders, plans sharing a
 * folder share one compiled rule base, and a criteria table states what its DRL twin states.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class PlansSideBySideTests {

    static final PlansOnDisk DISK = new PlansOnDisk();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("duban.config-dir", () -> DISK.configDir().toString());
        registry.add("duban.rules-dir", () -> DISK.rulesDir().toString());
    }

    @Autowired
    RuleSets ruleSets;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    Evaluations evaluations;

    @Autowired
    ObservationIntake intake;

    @Autowired
    RuleSettings ruleSettings;

    @Autowired
    Clock clock;

    @BeforeEach
    void twoPlansInTwoFolders() {
        DISK.reset();
        DISK.plan("alpha-2023", "zhoucun", "alpha");
        DISK.plan("beta-2023", "zhoucun", "beta");
        DISK.write("alpha/t01.drl", PlansOnDisk.tasks("alpha", 720));
        DISK.write("beta/t01.drl", PlansOnDisk.tasks("beta", 300));
        assertThat(ruleSets.reload().errors()).isEmpty();
    }

    @Test
    void aPlansBrokenFileKeepsItsLastGoodSetWhileTheOtherPlansNewSetGoesIntoForce() throws Exception {
        RuleSet betaBefore = ruleSets.current("beta-2023").orElseThrow();
        String alphaBefore = ruleSets.current("alpha-2023").orElseThrow().version();
        DISK.write("alpha/t01.drl", PlansOnDisk.tasks("alpha", 800));
        DISK.write("beta/t01.drl", PlansOnDisk.tasks("beta", 300).replace("atLeast(300)", "atLeast(300"));
        retitle("alpha-2023", "已改的甲");
        retitle("beta-2023", "已改的乙");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).isNotEmpty().allSatisfy(problem -> assertThat(problem.file()).isEqualTo("rules/beta/t01.drl"));
        assertThat(report.errors()).anySatisfy(problem -> assertThat(problem.line()).isPositive());
        assertThat(report.kept()).containsExactly(new RuleSets.KeptSet("beta-2023", betaBefore.version()));
        RuleSet alpha = ruleSets.current("alpha-2023").orElseThrow();
        assertThat(alpha.version()).isNotEqualTo(alphaBefore);
        assertThat(alpha.criterion("T01-1").orElseThrow().criterion().target()).isEqualByComparingTo("800");
        assertThat(ruleSets.current("beta-2023")).containsSame(betaBefore);
        assertThat(catalog.task("alpha-2023", 1).orElseThrow().title()).isEqualTo("已改的甲");
        assertThat(catalog.task("beta-2023", 1).orElseThrow().title()).isEqualTo("充电与治污");

        DISK.write("beta/t01.drl", PlansOnDisk.tasks("beta", 310));
        assertThat(ruleSets.reload().succeeded()).isTrue();
        assertThat(ruleSets.current("beta-2023").orElseThrow().criterion("T01-1").orElseThrow().criterion().target()).isEqualByComparingTo("310");
        assertThat(catalog.task("beta-2023", 1).orElseThrow().title()).isEqualTo("已改的乙");
    }

    @Test
    void aBrokenCommonFileKeepsEveryPlansLastGoodSetAndSaysSo() throws Exception {
        RuleSet alpha = ruleSets.current("alpha-2023").orElseThrow();
        RuleSet beta = ruleSets.current("beta-2023").orElseThrow();
        java.nio.file.Path levels = DISK.rulesDir().resolve("common/levels.drl");
        Files.writeString(levels, Files.readString(levels) + "\nrule \"坏规则\" when then insert( end\n");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/common/levels.drl");
            assertThat(problem.message()).contains("rules/common/ 由所有计划共用");
        });
        // reported once, though it stopped both plans
        assertThat(report.errors()).doesNotHaveDuplicates();
        assertThat(report.kept()).extracting(RuleSets.KeptSet::plan).containsExactly("alpha-2023", "beta-2023");
        assertThat(ruleSets.current("alpha-2023")).containsSame(alpha);
        assertThat(ruleSets.current("beta-2023")).containsSame(beta);
    }

    @Test
    void aPackageThatIsNotItsFolderIsAnErrorAtItsLine() {
        DISK.write("beta/t01.drl", "// 复制自 tasks\n" + PlansOnDisk.tasks("tasks", 300));

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/beta/t01.drl");
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).isEqualTo("规则文件 rules/beta/t01.drl 的 package 应为 beta（与所在目录一致），实为 tasks");
        });
        assertThat(ruleSets.current("alpha-2023")).isPresent();
    }

    @Test
    void aFolderThatCannotBeAPackageIsAnError() {
        DISK.plan("delta-2023", "zhoucun", "2023-gamma");
        DISK.write("2023-gamma/t01.drl", PlansOnDisk.tasks("gamma", 1));

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("config/plans/delta-2023.yaml");
            assertThat(problem.message()).contains("rules/2023-gamma").contains("不能用作 package 名");
        });
        assertThat(report.kept()).containsExactly(new RuleSets.KeptSet("delta-2023", null));
        assertThat(ruleSets.current("delta-2023")).isEmpty();
        assertThat(catalog.plan(Optional.of("delta-2023"))).isEmpty();
    }

    @Test
    void plansSharingAFolderShareOneCompiledRuleBase() {
        DISK.plan("alpha-2023", "zhoucun", "zibo");
        DISK.plan("beta-2023", "zhoucun", "zibo");
        DISK.write("zibo/criteria.xlsx", example());

        assertThat(ruleSets.reload().errors()).isEmpty();

        RuleSet alpha = ruleSets.current("alpha-2023").orElseThrow();
        RuleSet beta = ruleSets.current("beta-2023").orElseThrow();
        assertThat(alpha.version()).isEqualTo(beta.version());
        assertThat(alpha.kieBase()).isSameAs(beta.kieBase());
        assertThat(alpha.criteria()).isNotSameAs(beta.criteria());

        assertThat(ruleSets.reload().errors()).isEmpty();
        assertThat(ruleSets.current("alpha-2023").orElseThrow().kieBase()).as("unchanged: not compiled again").isSameAs(alpha.kieBase());
    }

    /** Districts of one city on one folder: one compile, each plan's own numbers by its region. */
    @Test
    void oneTableStatesEachDistrictsOwnCriteriaFromOneCompile() {
        DISK.plan("beta-2023", "zhoucun", "zibo");
        DISK.plan("wangcun-2023", "wangcun", "zibo");
        DISK.write("zibo/criteria.xlsx", example());
        PlanDefinition zhoucun = catalog.read().stream().filter(plan -> plan.code().equals("beta-2023")).findFirst().orElseThrow();
        PlanDefinition wangcun = catalog.read().stream().filter(plan -> plan.code().equals("wangcun-2023")).findFirst().orElseThrow();
        CompiledRuleBases bases = new CompiledRuleBases(4);
        RuleSetBuild build = new RuleSetBuild(DISK.rulesDir(), ruleSettings, clock, bases);
        List<CatalogProblem> problems = new ArrayList<>();

        RuleSet first = build.build(zhoucun, build.folderSources(zhoucun, Map.of(), problems).orElseThrow(), problems).orElseThrow().set();
        RuleSet second = build.build(wangcun, build.folderSources(wangcun, Map.of(), problems).orElseThrow(), problems).orElseThrow().set();

        assertThat(problems).isEmpty();
        assertThat(bases.compilations()).isEqualTo(1);
        assertThat(second.kieBase()).isSameAs(first.kieBase());
        assertThat(first.criterion("T01-1").orElseThrow().criterion().target()).isEqualByComparingTo("720");
        assertThat(second.criterion("T01-1").orElseThrow().criterion().target()).isEqualByComparingTo("300");
        assertThat(first.criterion("T02-1").orElseThrow().criterion().comparison()).isEqualTo(Comparison.COMPLETED);
        assertThat(second.criterion("T02-1").orElseThrow().criterion().comparison()).isEqualTo(Comparison.STARTED);
        assertThat(second.criterion("T02-1").orElseThrow().line()).isEqualTo(16);
    }

    @Test
    void oneBuildReadsTheFilesItsPlansShareOnce() {
        DISK.plan("beta-2023", "zhoucun", "zibo");
        DISK.plan("wangcun-2023", "wangcun", "zibo");
        DISK.write("zibo/criteria.xlsx", example());
        List<PlanDefinition> plans = catalog.read();
        PlanDefinition zhoucun = plans.stream().filter(plan -> plan.code().equals("beta-2023")).findFirst().orElseThrow();
        PlanDefinition wangcun = plans.stream().filter(plan -> plan.code().equals("wangcun-2023")).findFirst().orElseThrow();
        RuleSetBuild build = new RuleSetBuild(DISK.rulesDir(), ruleSettings, clock, new CompiledRuleBases(4));
        List<CatalogProblem> problems = new ArrayList<>();

        List<RuleSource> first = build.folderSources(zhoucun, Map.of(), problems).orElseThrow();
        List<RuleSource> second = build.folderSources(wangcun, Map.of(), problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(first).extracting(RuleSource::path).contains("rules/common/levels.drl", "rules/zibo/criteria.xlsx");
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).as(first.get(i).path()).isSameAs(first.get(i));
        }
    }

    @Test
    void aCriteriaTableStatesAndJudgesLikeItsDrlTwin() {
        DISK.plan("beta-2023", "zhoucun", "zibo");
        DISK.write("zibo/criteria.xlsx", example());
        assertThat(ruleSets.reload().errors()).isEmpty();
        RuleSet drl = ruleSets.current("alpha-2023").orElseThrow();
        RuleSet table = ruleSets.current("beta-2023").orElseThrow();

        assertThat(table.criteria().keySet()).containsExactlyInAnyOrderElementsOf(drl.criteria().keySet());
        drl.criteria().forEach((indicator, stated) -> assertThat(table.criterion(indicator).orElseThrow().criterion())
                .as(indicator).isEqualTo(stated.criterion()));
        StatedCriterion charging = table.criterion("T01-1").orElseThrow();
        assertThat(charging.file()).isEqualTo("rules/zibo/criteria.xlsx");
        assertThat(charging.line()).isEqualTo(9);
        assertThat(ruleSets.rules("beta-2023")).anySatisfy(rule -> {
            assertThat(rule.file()).isEqualTo("rules/zibo/criteria.xlsx");
            assertThat(rule.sheet()).isEqualTo("criteria");
            assertThat(rule.line()).isEqualTo(9);
        });

        List<ObservationInput> reports = List.of(
                report("T01-1", "2023-09-30", 250), report("T01-2", "2023-06-30", 40),
                report("T02-2", "2023-06-30", 7.1), report("T03-1", "2023-08-31", "Ⅴ"));
        for (LocalDate asOf : List.of(LocalDate.of(2023, 9, 30), LocalDate.of(2023, 11, 15), LocalDate.of(2024, 3, 31))) {
            assertThat(verdicts(judge("beta-2023", table, asOf, reports))).as("as of " + asOf)
                    .isEqualTo(verdicts(judge("alpha-2023", drl, asOf, reports)));
        }
        Judgement judged = judge("beta-2023", table, LocalDate.of(2023, 9, 30), reports);
        assertThat(verdicts(judged)).anyMatch(v -> v.contains("RED"));
        // a table's rows state the criteria at load and are not fired again in each evaluation; the verdict still names its row
        assertThat(judged.firings()).noneSatisfy(firing -> assertThat(firing.file()).isEqualTo("rules/zibo/criteria.xlsx"));
        assertThat(judged.assessments()).filteredOn(a -> a.indicator().equals("T01-1")).singleElement()
                .satisfies(a -> assertThat(a.firedRules()).startsWith("criteria_9"));
    }

    @Test
    void aTablesEarlierVersionRollsBackToItsVeryBytes() throws Exception {
        DISK.plan("beta-2023", "zhoucun", "zibo");
        java.nio.file.Path table = DISK.write("zibo/criteria.xlsx", example());
        assertThat(ruleSets.reload().errors()).isEmpty();
        String first = ruleSets.current("beta-2023").orElseThrow().version();
        DISK.write("zibo/criteria.xlsx", new CriteriaTableWriter("zibo", "criteria")
                .row("zhoucun", "T01-1", "atLeast", "800", "", "", "2023-12-31")
                .row("zhoucun", "T01-2", "atLeast", "85", "", "accumulating", "2023-12-31")
                .row("zhoucun", "T02-1", "completed", "", "", "", "2023-10-31")
                .row("zhoucun", "T02-2", "around", "5.5", "0.5", "", "2023-12-31")
                .row("zhoucun", "T03-1", "betterThan", "Ⅴ", "", "", "2023-12-31").bytes());
        assertThat(ruleSets.reload().errors()).isEmpty();
        assertThat(ruleSets.current("beta-2023").orElseThrow().version()).isNotEqualTo(first);

        assertThat(ruleSets.rollback("beta-2023", first, "测试").errors()).isEmpty();

        RuleSet back = ruleSets.current("beta-2023").orElseThrow();
        assertThat(back.version()).isEqualTo(first);
        assertThat(back.criterion("T01-1").orElseThrow().criterion().target()).isEqualByComparingTo("720");
        assertThat(Files.readAllBytes(table)).as("live mode writes the version back into the folder").isEqualTo(example());
    }

    @Test
    void aBadCellIsReportedWithSheetRowAndColumnAndOnlyItsPlansKeepTheirSets() {
        DISK.plan("beta-2023", "zhoucun", "zibo");
        DISK.plan("gamma-2023", "zhoucun", "zibo");
        DISK.write("zibo/criteria.xlsx", example());
        assertThat(ruleSets.reload().errors()).isEmpty();
        String before = ruleSets.current("beta-2023").orElseThrow().version();
        DISK.write("zibo/criteria.xlsx", new CriteriaTableWriter("zibo", "criteria")
                .row("zhoucun", "T01-1", "atleast", "720", "", "", "2023-12-31").bytes());
        DISK.write("alpha/t01.drl", PlansOnDisk.tasks("alpha", 700));

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/zibo/criteria.xlsx");
            assertThat(problem.line()).isEqualTo(9);
            assertThat(problem.field()).isEqualTo("工作表 criteria C 列");
            assertThat(problem.message()).startsWith("比较方式 \"atleast\" 无效，可用: atLeast, atMost, ");
        });
        assertThat(report.kept()).extracting(RuleSets.KeptSet::plan).containsExactly("beta-2023", "gamma-2023");
        assertThat(ruleSets.current("beta-2023").orElseThrow().version()).isEqualTo(before);
        assertThat(ruleSets.current("alpha-2023").orElseThrow().criterion("T01-1").orElseThrow().criterion().target())
                .isEqualByComparingTo(new BigDecimal("700"));
    }

    /** The committed example table, as a city would put it in its folder. */
    private static byte[] example() {
        try {
            return Files.readAllBytes(CriteriaTableWriter.EXAMPLE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> verdicts(Judgement judgement) {
        return judgement.assessments().stream().map(PlansSideBySideTests::verdict).sorted().toList();
    }

    /** What an assessment says, without the rules that fired (their names differ between a table and DRL). */
    private static String verdict(Assessment a) {
        return String.join(" | ", a.indicator(), String.valueOf(a.judgedAt()), a.actual(), a.target(), String.valueOf(a.completion()),
                String.valueOf(a.lag()), String.valueOf(a.missedPeriods()), String.valueOf(a.met()), String.valueOf(a.level()),
                String.valueOf(a.causes()), String.valueOf(a.message()), a.explanation());
    }

    private Judgement judge(String plan, RuleSet rules, LocalDate asOf, List<ObservationInput> reports) {
        return evaluations.judge(rules, asOf, intake.preview(Optional.of(plan), reports, Submitter.office("twin")));
    }

    private static ObservationInput report(String indicator, String date, Object value) {
        return ObservationInput.of(indicator, date, value, null, null, indicator);
    }

    private static void retitle(String plan, String title) throws Exception {
        java.nio.file.Path file = DISK.configDir().resolve("plans/" + plan + ".yaml");
        Files.writeString(file, Files.readString(file).replace("title: 充电与治污", "title: " + title));
    }
}
