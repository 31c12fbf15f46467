package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.duban.ConfigCopy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of mistake in a plan file is reported with its file, line and field. */
class PlanFilesTests {

    private static final String PLAN = "config/plans/zhoucun-2023.yaml";

    private final ConfigCopy copy = new ConfigCopy();

    @BeforeEach
    void restore() {
        copy.reset();
    }

    @Test
    void readsTheWholePlan() {
        PlanFiles.Contents contents = new PlanFiles(copy.configDir()).read();

        PlanDefinition plan = contents.plans().get(0);
        assertThat(plan.code()).isEqualTo("zhoucun-2023");
        assertThat(plan.year()).isEqualTo(2023);
        assertThat(plan.region().name()).isEqualTo("周村区");
        assertThat(plan.sections()).hasSize(12);
        assertThat(plan.tasks()).extracting(PlanDefinition.TaskDefinition::number).containsExactlyElementsOf(range(1, 65));
        assertThat(contents.regions()).extracting(PlanFiles.RegionFile::code).containsExactly("zhoucun", "zibo");
        assertThat(contents.regions().get(0).departments()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(contents.regions().get(0).parent()).isEqualTo("zibo");
    }

    @Test
    void namesAnUnknownDepartmentWithItsLine() {
        copy.replace(copy.planFile(), "lead: [区科技局]", "lead: [区科技厅]");
        int line = copy.lineOf(copy.planFile(), "lead: [区科技厅]");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(PLAN);
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.field()).isEqualTo("sections[0].tasks[0].lead[0]");
            assertThat(problem.message()).contains("未知部门 \"区科技厅\"");
        });
    }

    @Test
    void aSharedIndicatorMustBeAnotherTasksIndicator() {
        copy.replace(copy.planFile(), "shared: [T34-1]", "shared: [T34-9]");
        int line = copy.lineOf(copy.planFile(), "shared: [T34-9]");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.field()).isEqualTo("shared");
            assertThat(problem.message()).contains("共用指标 \"T34-9\" 不是本计划中任何任务的指标");
        });
    }

    @Test
    void namesADuplicateIndicatorCode() {
        copy.replace(copy.planFile(), "code: T02-1", "code: T01-1");
        int line = copy.lineOf(copy.planFile(), "name: 申报市级以上科技项目") - 1;

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.message()).contains("重复的指标编码 \"T01-1\"");
        });
    }

    @Test
    void namesAnUnknownKindAndListsTheKnownOnes() {
        copy.replace(copy.planFile(), "kind: ADDITION", "kind: ADDITON");
        int line = copy.lineOf(copy.planFile(), "kind: ADDITON");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(line);
            assertThat(problem.field()).endsWith("indicators[0].kind");
            assertThat(problem.message()).contains("未知指标类型 \"ADDITON\"").contains("ADDITION", "WATER_CLASS");
        });
    }

    @Test
    void namesAMisspeltFieldAndAMissingOne() {
        copy.replace(copy.planFile(), "lead: [区科技局]", "leed: [区科技局]");

        assertThat(problems()).extracting(CatalogProblem::message)
                .anySatisfy(message -> assertThat(message).startsWith("未知字段 leed"))
                .anySatisfy(message -> assertThat(message).isEqualTo("缺少字段 lead"));
    }

    @Test
    void namesTheLineOfAYamlSyntaxError() {
        copy.replace(copy.planFile(), "title: 加快高能级创新平台建设", "title: [加快高能级创新平台建设");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(PLAN);
            assertThat(problem.line()).isPositive();
            assertThat(problem.message()).startsWith("YAML 格式错误");
        });
    }

    @Test
    void namesADuplicateDepartmentInTheRegistry() {
        copy.replace(copy.configDir().resolve("regions/zhoucun.yaml"), "code: fagai", "code: keji");

        assertThat(problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("config/regions/zhoucun.yaml");
            assertThat(problem.message()).isEqualTo("重复的 code \"keji\"");
        });
    }

    @Test
    void reportsEveryProblemOfAFileAtOnce() {
        copy.replace(copy.planFile(), "lead: [区科技局]", "lead: [区科技厅]");
        copy.replace(copy.planFile(), "kind: LEVEL", "kind: STOCK");
        copy.replace(copy.planFile(), "frequency: MONTHLY", "frequency: WEEKLY");

        assertThat(problems()).hasSize(3);
    }

    @Test
    void theExceptionMessageNamesFileAndLineInChinese() {
        copy.replace(copy.planFile(), "lead: [区科技局]", "lead: [区科技厅]");
        int line = copy.lineOf(copy.planFile(), "lead: [区科技厅]");

        assertThatThrownBy(() -> new PlanFiles(copy.configDir()).read())
                .hasMessageContaining(PLAN + " 第 " + line + " 行 (sections[0].tasks[0].lead[0]): 未知部门 \"区科技厅\"");
    }

    private List<CatalogProblem> problems() {
        try {
            new PlanFiles(copy.configDir()).read();
        } catch (CatalogException e) {
            return e.problems();
        }
        throw new AssertionError("the plan files were read without a problem");
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }
}
