package org.duban.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes criteria tables (see {@link CriteriaTable}): the fixed template and one row per region and
 * indicator. The committed example {@code src/test/resources/criteria/zibo/criteria.xlsx} is
 * {@link #example()}; regenerate it from the project folder by running {@link #main} (from the IDE, or
 * {@code ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} and then
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.duban.rules.CriteriaTableWriter}).
 * {@code CriteriaTableTests} checks that the committed file says what the generator writes.
 */
final class CriteriaTableWriter {

    static final Path EXAMPLE = Path.of("src/test/resources/criteria/zibo/criteria.xlsx");

    /** One row: 地区, 指标, 比较方式, 目标值, 第二个值, 选项, 截止日期; empty strings for empty cells. */
    record Line(String region, String indicator, String comparator, String target, String second, String options, String deadline) {
        List<String> cells() {
            return List.of(region, indicator, comparator, target, second, options, deadline);
        }
    }

    private final String packageName;
    private final String sheetName;
    private final List<Line> lines = new ArrayList<>();

    CriteriaTableWriter(String packageName, String sheetName) {
        this.packageName = packageName;
        this.sheetName = sheetName;
    }

    CriteriaTableWriter row(String region, String indicator, String comparator, String target, String second, String options, String deadline) {
        lines.add(new Line(region, indicator, comparator, target, second, options, deadline));
        return this;
    }

    /**
     * Two districts of 淄博 on one task list (package {@code zibo}): zhoucun's rows are the twin of
     * {@link PlansOnDisk#tasks(String, int)} with 720 chargers; wangcun's numbers differ.
     */
    static CriteriaTableWriter example() {
        // keep in step with README.md ("Criteria in a decision table")
        return new CriteriaTableWriter("zibo", "criteria")
                .row("zhoucun", "T01-1", "atLeast", "720", "", "", "2023-12-31")
                .row("zhoucun", "T01-2", "atLeast", "85", "", "accumulating", "2023-12-31")
                .row("zhoucun", "T02-1", "completed", "", "", "", "2023-10-31")
                .row("zhoucun", "T02-2", "around", "5.5", "0.5", "", "2023-12-31")
                .row("zhoucun", "T03-1", "betterThan", "Ⅴ", "", "", "2023-12-31")
                .row("wangcun", "T01-1", "atLeast", "300", "", "", "2023-12-31")
                .row("wangcun", "T01-2", "atLeast", "90", "", "accumulating", "2023-12-31")
                .row("wangcun", "T02-1", "started", "", "", "", "2023-10-31")
                .row("wangcun", "T02-2", "around", "5", "0.5", "", "2023-12-31")
                .row("wangcun", "T03-1", "betterThan", "Ⅴ", "", "", "2023-12-31");
    }

    /** Every region gets the plan's criteria as the table can state them (from/quarterly/finalBy have no column). */
    static CriteriaTableWriter ofRegions(String folder, RuleSet plan, int regions) {
        CriteriaTableWriter table = new CriteriaTableWriter(folder, "criteria");
        List<org.duban.rules.facts.Criterion> criteria = plan.criteria().values().stream().map(RuleSet.StatedCriterion::criterion).toList();
        for (int r = 0; r < regions; r++) {
            for (org.duban.rules.facts.Criterion c : criteria) {
                org.duban.rules.facts.ComparatorName name = org.duban.rules.facts.ComparatorName.valueOf(c.comparison().name());
                String target = name == org.duban.rules.facts.ComparatorName.BETTER_THAN ? c.targetText()
                        : name.arity() == 0 ? "" : c.target().toPlainString();
                String second = name.arity() == 2 ? c.upper().toPlainString() : "";
                String options = c.accumulating() ? "accumulating" : c.latestClass() ? "onLatestReading" : "";
                table.row(region(r), c.indicator(), name.written(), target, second, options, c.deadline().toString());
            }
        }
        return table;
    }

    /** r0001, r0002 …: the regions of {@link #ofRegions}. */
    static String region(int r) {
        return String.format("r%04d", r + 1);
    }

    byte[] bytes() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            set(sheet, CriteriaTable.RULESET_ROW, List.of("RuleSet", packageName));
            set(sheet, CriteriaTable.IMPORT_ROW, List.of("Import", CriteriaTable.IMPORTS));
            set(sheet, CriteriaTable.TABLE_ROW, List.of("RuleTable " + sheetName));
            for (int r = 0; r < CriteriaTable.HEADER.size(); r++) {
                set(sheet, CriteriaTable.KIND_ROW + r, CriteriaTable.HEADER.get(r));
            }
            for (int i = 0; i < lines.size(); i++) {
                set(sheet, CriteriaTable.FIRST_DATA_ROW + i, lines.get(i).cells());
            }
            for (int c = 0; c < CriteriaTable.LABELS.size(); c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every cell as text: numbers and dates typed as text read back exactly as written. */
    private static void set(Sheet sheet, int row, List<String> cells) {
        Row r = sheet.createRow(row);
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isEmpty()) {
                r.createCell(c).setCellValue(cells.get(c));
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(EXAMPLE.getParent());
        Files.write(EXAMPLE, example().bytes());
        System.out.println("已写入 " + EXAMPLE);
    }
}
