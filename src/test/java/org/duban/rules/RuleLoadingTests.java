package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.duban.ConfigCopy;
import org.duban.catalog.CatalogProblem;
import org.duban.catalog.PlanCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Loading the plan with its rules: an edit takes effect on reload; a DRL file that does not
 * compile, names an unknown indicator or states a wrong criterion stops the load, is reported
 * with file and line, and leaves the plan and rules that were loaded before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class RuleLoadingTests {

    static final ConfigCopy COPY = new ConfigCopy();

    @DynamicPropertySource
    static void copiedFiles(DynamicPropertyRegistry registry) {
        COPY.register(registry);
    }

    @Autowired
    RuleSets ruleSets;

    @Autowired
    PlanCatalog catalog;

    @BeforeEach
    void loadTheOriginals() {
        COPY.reset();
        assertThat(ruleSets.reload().succeeded()).isTrue();
    }

    @Test
    void statesOneCriterionPerIndicatorOfThePlan() {
        RuleSet set = ruleSets.current("zhoucun-2023").orElseThrow();

        assertThat(set.criteria()).hasSize(catalog.tasks("zhoucun-2023").stream().mapToInt(task -> task.indicators().size()).sum());
        assertThat(set.files()).extracting(RuleSet.RuleFile::path).contains("rules/common/criteria.drl", "rules/tasks/t01.drl", "rules/tasks/t65.drl");
        assertThat(set.criterion("T22-1").orElseThrow().file()).isEqualTo("rules/tasks/t22.drl");
    }

    @Test
    void anEditedCriterionTakesEffectOnReloadWithANewVersion() {
        String before = ruleSets.current("zhoucun-2023").orElseThrow().version();
        COPY.replace(t22(), "atLeast(720)", "atLeast(800)");

        assertThat(ruleSets.reload().succeeded()).isTrue();

        RuleSet after = ruleSets.current("zhoucun-2023").orElseThrow();
        assertThat(after.criterion("T22-1").orElseThrow().criterion().target()).isEqualByComparingTo(new BigDecimal("800"));
        assertThat(after.version()).isNotEqualTo(before);
    }

    @Test
    void aDrlSyntaxErrorIsReportedWithFileAndLineAndTheLastGoodRulesStay() {
        RuleSet good = ruleSets.current("zhoucun-2023").orElseThrow();
        COPY.replace(t22(), "insert(Criterion.of(\"T22-1\")", "insert(Criterion.of(\"T22-1\"");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.succeeded()).isFalse();
        assertThat(report.errors()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/t22.drl");
            assertThat(problem.line()).isPositive();
            assertThat(problem.message()).startsWith("规则编译错误");
        });
        assertThat(ruleSets.current("zhoucun-2023")).containsSame(good);
    }

    @Test
    void aRuleNamingAnUnknownIndicatorIsReportedAtItsLine() {
        COPY.replace(t22(), "Criterion.of(\"T22-1\")", "Criterion.of(\"T22-9\")");
        int line = COPY.lineOf(t22(), "rule \"T22-1");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/t22.drl");
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains("未知指标 T22-9");
        });
        assertThat(report.errors()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("config/plans/zhoucun-2023.yaml");
            assertThat(problem.message()).contains("指标 T22-1 在 rules/tasks 中没有判定规则");
        });
    }

    @Test
    void aComparatorThatDoesNotFitTheKindIsReported() {
        COPY.replace(COPY.rulesDir().resolve("tasks/t54.drl"), "Criterion.of(\"T54-1\").atLeast(4000)", "Criterion.of(\"T54-1\").completed()");

        assertThat(ruleSets.reload().errors()).extracting(CatalogProblem::message)
                .anySatisfy(message -> assertThat(message).contains("T54-1 的类型为 ADDITION，不能用比较方式 COMPLETED"));
    }

    @Test
    void aCriterionWithoutDeadlineIsReported() {
        COPY.replace(t22(), ".atLeast(720).by(\"2023-12-31\")", ".atLeast(720)");

        assertThat(ruleSets.reload().errors()).extracting(CatalogProblem::message)
                .anySatisfy(message -> assertThat(message).contains("T22-1 的判定标准缺少截止日期"));
    }

    @Test
    void aBadDateInARuleIsReportedWithAFixedMessageAndTheOtherRulesStillChecked() {
        COPY.replace(t22(), "by(\"2023-12-31\")", "by(\"2023-13-31\")");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/t22.drl");
            assertThat(problem.line()).isEqualTo(COPY.lineOf(t22(), "rule \"T22-1"));
            // never the exception's own text: it is made at run time and could carry what the rule read
            assertThat(problem.message()).startsWith("规则执行出错").contains("日期无效").doesNotContain("2023-13-31");
        });
    }

    @Test
    void aRuleReachingOutsideTheVocabularyIsRefusedBeforeItRuns() {
        RuleSet good = ruleSets.current("zhoucun-2023").orElseThrow();
        COPY.replace(t22(), "insert(Criterion.of(\"T22-1\")", "System.exit(0); insert(Criterion.of(\"T22-1\")");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/t22.drl");
            assertThat(problem.line()).isEqualTo(COPY.lineOf(t22(), "System.exit"));
            assertThat(problem.message()).contains("不允许使用 java.lang.System.exit");
        });
        assertThat(ruleSets.current("zhoucun-2023")).containsSame(good);
    }

    @Test
    void aRuleReachingTheClassLoaderWithoutForbiddenWordsIsRefusedAndTheLastGoodRulesStay() {
        RuleSet good = ruleSets.current("zhoucun-2023").orElseThrow();
        COPY.replace(t22(), "insert(Criterion.of(\"T22-1\")",
                "Object o = \"\".getClass().getClassLoader().loadClass(\"java.lang.Runtime\");\n    insert(Criterion.of(\"T22-1\")");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/t22.drl");
            assertThat(problem.line()).isEqualTo(COPY.lineOf(t22(), "getClassLoader"));
            assertThat(problem.message()).startsWith("规则中不允许使用 java.lang.Object.getClass");
        });
        assertThat(ruleSets.current("zhoucun-2023")).containsSame(good);
    }

    @Test
    void aBusyLoopIsRefusedAtLoadBeforeItRuns() {
        RuleSet good = ruleSets.current("zhoucun-2023").orElseThrow();
        COPY.replace(t22(), "insert(Criterion.of(\"T22-1\")", "int spin = 0;\n    while (true) { spin++; if (spin < 0) break; }\n    insert(Criterion.of(\"T22-1\")");

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/tasks/t22.drl");
            assertThat(problem.line()).isEqualTo(COPY.lineOf(t22(), "while (true)"));
            assertThat(problem.message()).startsWith("规则中不允许使用循环");
        });
        assertThat(ruleSets.current("zhoucun-2023")).containsSame(good);
    }

    @Test
    void anInsertLoopAtLoadIsCutOffWithOneClearErrorAndTheLastGoodRulesStay() throws Exception {
        RuleSet good = ruleSets.current("zhoucun-2023").orElseThrow();
        java.nio.file.Files.writeString(COPY.rulesDir().resolve("tasks/loop.drl"), """
                package tasks;
                import org.duban.rules.facts.Criterion;

                rule "T99-1 循环插入"
                when
                    $c : Criterion()
                then
                    insert(Criterion.of($c.indicator()).atLeast(1).by("2023-12-31"));
                end
                """);

        RuleSets.LoadReport report = ruleSets.reload();

        assertThat(report.errors()).singleElement().satisfies(problem ->
                assertThat(problem.message()).contains("疑似循环触发").contains("\"T99-1 循环插入\"（rules/tasks/loop.drl 第 4 行"));
        assertThat(ruleSets.lastLoad().succeeded()).isFalse();
        assertThat(ruleSets.current("zhoucun-2023")).containsSame(good);
    }

    @Test
    void aFailedLoadLeavesTheStoredPlanAsItWas() {
        COPY.replace(COPY.planFile(), "title: 大力发展绿色智慧交通", "title: 已改的标题");
        COPY.replace(t22(), "atLeast(720)", "atLeast(");

        assertThat(ruleSets.reload().succeeded()).isFalse();

        assertThat(catalog.task("zhoucun-2023", 22).orElseThrow().title()).isEqualTo("大力发展绿色智慧交通");
    }

    private static Path t22() {
        return COPY.rulesDir().resolve("tasks/t22.drl");
    }
}
