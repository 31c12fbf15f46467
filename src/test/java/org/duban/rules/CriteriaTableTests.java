package org.duban.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.duban.catalog.CatalogProblem;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * Criteria tables on their own: each wrong cell is a Chinese error naming sheet, row and column
 * (never a stack trace); the committed example is what its generator writes; a table survives the
 * history's text column byte for byte; and the bundled rules compile without Drools' package warnings.
 */
class CriteriaTableTests {

    private static final String PATH = "rules/zibo/criteria.xlsx";

    @Test
    void convertsEachRowToARulePlacedAtItsSheetAndRow() {
        CriteriaTable.Converted converted = convert(CriteriaTableWriter.example());

        assertThat(converted.problems()).isEmpty();
        assertThat(converted.packageName()).isEqualTo("zibo");
        assertThat(converted.places()).hasSize(10).containsEntry("criteria_9", new CriteriaTable.Place("criteria", 9))
                .containsEntry("criteria_18", new CriteriaTable.Place("criteria", 18));
        assertThat(converted.drl()).contains("PlanScope(region == \"wangcun\")").contains("insert(criterion.compare(comparator, target, second).by(\"2023-12-31\"));");
    }

    @Test
    void anUnknownComparatorIsNamedWithSheetRowAndColumn() {
        List<CatalogProblem> problems = problems(table().row("zhoucun", "T22-1", "atleast", "720", "", "", "2023-12-31"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(PATH);
            assertThat(problem.line()).isEqualTo(9);
            assertThat(problem.field()).isEqualTo("工作表 criteria C 列");
            assertThat(problem.message()).isEqualTo("比较方式 \"atleast\" 无效，可用: atLeast, atMost, above, between, around, holdAtLeast, "
                    + "holdAtMost, withinQuota, aboveReference, belowReference, completed, started, betterThan");
            assertThat(problem).hasToString("rules/zibo/criteria.xlsx 第 9 行 (工作表 criteria C 列): 比较方式 \"atleast\" 无效，可用: "
                    + "atLeast, atMost, above, between, around, holdAtLeast, holdAtMost, withinQuota, aboveReference, belowReference, "
                    + "completed, started, betterThan");
        });
    }

    @Test
    void everyWrongCellOfARowIsReported() {
        List<CatalogProblem> problems = problems(table()
                .row("zhoucun", "T01-1", "atLeast", "7二0", "", "", "2023-12-31")
                .row("zhou cun", "T01-2", "between", "9", "3", "", "2023-02-30")
                .row("zhoucun", "", "completed", "1", "", "sometimes", "2023-12-31")
                .row("zhoucun", "T03-1", "betterThan", "Ⅶ", "", "", "2023-12-31")
                .row("zhoucun", "T02-2", "around", "5.5", "", "", "2023-12-31"));

        assertThat(problems).extracting(p -> p.line() + " " + p.field().substring(p.field().length() - 3) + " " + p.message()).containsExactly(
                "9 D 列 目标值 \"7二0\" 不是数字",
                "10 A 列 地区 \"zhou cun\" 无效，应为代码（字母、数字、. _ -），如 zhoucun",
                "10 E 列 区间上限 3 小于下限 9",
                "10 G 列 截止日期 \"2023-02-30\" 无效，应为存在的日期，写作文本 YYYY-MM-DD",
                "11 B 列 指标 \"\" 无效，应为代码（字母、数字、. _ -），如 T22-1",
                "11 D 列 比较方式 completed 不用目标值，应留空",
                "11 F 列 选项 \"sometimes\" 无效，可用: accumulating, onLatestReading",
                "12 D 列 水质类别 \"Ⅶ\" 无效，可选: Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ 劣Ⅴ",
                "13 E 列 比较方式 around 需要第二个值（上限或允许偏差）");
    }

    @Test
    void anEditedHeaderIsRefusedSoTheOnlyCodeIsTheTemplates() throws Exception {
        byte[] bytes = table().row("zhoucun", "T01-1", "atLeast", "720", "", "", "2023-12-31").bytes();
        try (var workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes));
             var out = new java.io.ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(CriteriaTable.SNIPPET_ROW).getCell(2).setCellValue("comparator = \"$param\"; System.exit(0);");
            workbook.write(out);
            bytes = out.toByteArray();
        }

        assertThat(new CriteriaTable(PATH).convert(bytes).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(7);
            assertThat(problem.field()).isEqualTo("工作表 criteria C 列");
            assertThat(problem.message()).startsWith("表头应为 \"comparator = \"$param\";\"，实为");
        });
    }

    @Test
    void aFileThatIsNoWorkbookIsAPlainError() {
        assertThat(new CriteriaTable(PATH).convert("package zibo;".getBytes()).problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).isEqualTo("无法读取判定标准表（应为 .xlsx 格式的 Excel 文件）"));
    }

    @Test
    void theCommittedExampleSaysWhatItsGeneratorWrites() throws Exception {
        CriteriaTable.Converted committed = new CriteriaTable(PATH).convert(Files.readAllBytes(CriteriaTableWriter.EXAMPLE));

        assertThat(committed.problems()).isEmpty();
        assertThat(committed.drl()).isEqualTo(convert(CriteriaTableWriter.example()).drl());
    }

    @Test
    void aTableSurvivesTheHistorysTextColumnByteForByte() throws Exception {
        byte[] bytes = Files.readAllBytes(CriteriaTableWriter.EXAMPLE);
        RuleSource source = RuleSource.of(Path.of("rules"), "zibo/criteria.xlsx", bytes);

        String stored = source.storedText();

        assertThat(stored).startsWith(RuleSource.STORED_TABLE);
        assertThat(RuleSource.fromStored("zibo/criteria.xlsx", stored)).isEqualTo(bytes);
        assertThat(RuleSource.of(Path.of("rules"), "zibo/criteria.xlsx", RuleSource.fromStored("zibo/criteria.xlsx", stored)).text())
                .isEqualTo(source.text());
    }

    @Test
    void theBundledRulesAndATableCompileWithoutPackageWarnings() throws Exception {
        Path rules = Path.of("rules");
        List<RuleSource> sources = new ArrayList<>();
        for (Path file : RuleSetBuild.ruleFiles(rules)) {
            if (!file.startsWith(rules.resolve("scenarios"))) {
                sources.add(RuleSource.read(rules, file));
            }
        }
        sources.add(RuleSource.of(rules, "zibo/criteria.xlsx", Files.readAllBytes(CriteriaTableWriter.EXAMPLE)));
        assertThat(sources).allSatisfy(source -> assertThat(RulePackages.check(source)).as(source.path()).isEmpty());
        Logger kieBuilder = (Logger) LoggerFactory.getLogger("org.drools.compiler.kie.builder.impl.KieBuilderImpl");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        kieBuilder.addAppender(logged);
        try {
            assertThat(new RuleCompiler().compile(sources).problems()).isEmpty();
        } finally {
            kieBuilder.detachAppender(logged);
        }
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(message -> message.contains("declares package"));
    }

    private static CriteriaTableWriter table() {
        return new CriteriaTableWriter("zibo", "criteria");
    }

    private static CriteriaTable.Converted convert(CriteriaTableWriter writer) {
        return new CriteriaTable(PATH).convert(writer.bytes());
    }

    private static List<CatalogProblem> problems(CriteriaTableWriter writer) {
        return convert(writer).problems();
    }

    /**
     * Over 1,000 rules in one package (here 8 regions × 141 rows) the executable model splits the rule list
     * into further generated classes ({@code Rules…Rules0}); the bytecode check must know them, or a city's
     * table of its districts could not load.
     */
    @Test
    void aTableOfManyRegionsLoadsAndStatesEachRegionsCriteria() throws Exception {
        org.duban.catalog.PlanDefinition zhoucun = org.duban.catalog.PlanYaml.read(Path.of("config"), "zhoucun-2023");
        RuleSet plan = new PlanRules(Path.of("rules")).load(zhoucun);
        Path rules = Files.createTempDirectory("duban-many-regions-");
        Files.createDirectories(rules.resolve("common"));
        try (var common = Files.list(Path.of("rules/common"))) {
            for (Path file : (Iterable<Path>) common::iterator) {
                Files.copy(file, rules.resolve("common").resolve(file.getFileName()));
            }
        }
        Files.createDirectories(rules.resolve("city"));
        Files.write(rules.resolve("city/criteria.xlsx"), CriteriaTableWriter.ofRegions("city", plan, 8).bytes());

        RuleSet last = new PlanRules(rules).load(org.duban.catalog.PlanYaml.forRegion(zhoucun, CriteriaTableWriter.region(7), "city"));

        assertThat(last.criteria()).hasSameSizeAs(plan.criteria());
        assertThat(last.criteria().get("T22-1").criterion().target()).isEqualByComparingTo(plan.criteria().get("T22-1").criterion().target());
        assertThat(last.criteria().get("T22-1").file()).endsWith("city/criteria.xlsx");
    }
}
