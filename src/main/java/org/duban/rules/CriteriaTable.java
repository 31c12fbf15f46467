package org.duban.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.duban.catalog.CatalogProblem;
import org.duban.rules.facts.ComparatorName;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.WaterClass;

/**
 * A criteria table ({@code .xlsx} under {@code rules/}): a Drools decision table with one row per
 * region and indicator, for a city that gives one task list to its districts with different
 * numbers. Its header is a fixed template ({@link #HEADER}); its cells are checked here, each
 * problem naming sheet, row and column, before Drools' decision-table compiler turns it into DRL
 * text, which then goes through the very checks of a DRL file. The template is the only code in
 * the table, and the cells can only be codes, numbers, names and dates.
 */
final class CriteriaTable {

    /** The rows of the template: RuleSet (package), Import, then the rule table. */
    static final String IMPORTS = "org.duban.rules.facts.Criterion, org.duban.rules.facts.PlanScope";
    static final List<String> KINDS = List.of("CONDITION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION", "ACTION");
    static final List<String> TYPES = List.of("PlanScope", "", "", "", "", "", "");
    static final List<String> SNIPPETS = List.of(
            "region == \"$param\"",
            "Criterion.Draft criterion = Criterion.of(\"$param\"); String comparator = \"\"; String target = \"\"; String second = \"\";",
            "comparator = \"$param\";",
            "target = \"$param\";",
            "second = \"$param\";",
            "criterion = criterion.options(\"$param\");",
            "insert(criterion.compare(comparator, target, second).by(\"$param\"));");
    static final List<String> LABELS = List.of("地区", "指标", "比较方式", "目标值", "第二个值", "选项", "截止日期");
    /** 0-based rows of the template; data start at {@link #FIRST_DATA_ROW}. */
    static final int RULESET_ROW = 0, IMPORT_ROW = 1, TABLE_ROW = 3, KIND_ROW = 4, TYPE_ROW = 5, SNIPPET_ROW = 6, LABEL_ROW = 7,
            FIRST_DATA_ROW = 8;
    static final List<List<String>> HEADER = List.of(KINDS, TYPES, SNIPPETS, LABELS);

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"(.*)_(\\d+)\"", Pattern.MULTILINE);

    /** Where a rule of the table was written. */
    record Place(String sheet, int row) {
    }

    /** The table as DRL text, with each rule's sheet and (1-based) row; no DRL when a cell is wrong. */
    record Converted(String drl, String packageName, Map<String, Place> places, List<CatalogProblem> problems) {
    }

    private final String path;
    private final List<CatalogProblem> problems = new ArrayList<>();
    private final DataFormatter formatter = new DataFormatter();

    /** @param path as shown to the reader, e.g. {@code rules/zibo/criteria.xlsx} */
    CriteriaTable(String path) {
        this.path = path;
    }

    Converted convert(byte[] xlsx) {
        String packageName = "";
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            if (workbook.getNumberOfSheets() != 1) {
                problems.add(new CatalogProblem(path, 0, "", "判定标准表应只有一个工作表，实有 " + workbook.getNumberOfSheets() + " 个"));
                return new Converted("", "", Map.of(), List.copyOf(problems));
            }
            Sheet sheet = workbook.getSheetAt(0);
            packageName = text(sheet, RULESET_ROW, 1);
            checkTemplate(sheet);
            if (problems.isEmpty()) {
                checkRows(sheet);
            }
        } catch (IOException | RuntimeException e) {
            // a damaged or non-Excel file: a plain word, never POI's stack trace
            problems.add(new CatalogProblem(path, 0, "", "无法读取判定标准表（应为 .xlsx 格式的 Excel 文件）"));
        }
        if (!problems.isEmpty()) {
            return new Converted("", packageName, Map.of(), List.copyOf(problems));
        }
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(xlsx), InputType.XLS);
        Map<String, Place> places = new LinkedHashMap<>();
        Matcher rule = RULE.matcher(drl);
        while (rule.find()) {
            places.put(rule.group(1) + "_" + rule.group(2), new Place(rule.group(1), Integer.parseInt(rule.group(2))));
        }
        return new Converted(drl, packageName, Map.copyOf(places), List.of());
    }

    private void checkTemplate(Sheet sheet) {
        expect(sheet, RULESET_ROW, 0, "RuleSet");
        expect(sheet, IMPORT_ROW, 0, "Import");
        expect(sheet, IMPORT_ROW, 1, IMPORTS);
        expect(sheet, TABLE_ROW, 0, "RuleTable " + sheet.getSheetName());
        for (int r = 0; r < HEADER.size(); r++) {
            for (int c = 0; c < LABELS.size(); c++) {
                expect(sheet, KIND_ROW + r, c, HEADER.get(r).get(c));
            }
        }
    }

    private void expect(Sheet sheet, int row, int column, String expected) {
        String actual = text(sheet, row, column);
        if (!actual.equals(expected)) {
            problem(sheet, row, column, "表头应为 \"" + expected + "\"，实为 \"" + actual + "\"（表头是固定模板，只改第 "
                    + (FIRST_DATA_ROW + 1) + " 行起的数据）");
        }
    }

    private void checkRows(Sheet sheet) {
        for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < LABELS.size(); c++) {
                cells.add(text(sheet, r, c));
            }
            if (cells.stream().allMatch(String::isEmpty)) {
                continue;
            }
            checkRow(sheet, r, cells);
        }
    }

    private void checkRow(Sheet sheet, int r, List<String> cells) {
        code(sheet, r, 0, cells.get(0));
        code(sheet, r, 1, cells.get(1));
        ComparatorName comparator = ComparatorName.of(cells.get(2)).orElse(null);
        if (comparator == null) {
            problem(sheet, r, 2, "比较方式 \"" + cells.get(2) + "\" 无效，可用: " + ComparatorName.names());
        } else {
            targets(sheet, r, comparator, cells.get(3), cells.get(4));
        }
        for (String option : cells.get(5).split("[,，]")) {
            if (!option.isBlank() && !Criterion.Draft.OPTIONS.contains(option.strip())) {
                problem(sheet, r, 5, "选项 \"" + option.strip() + "\" 无效，可用: " + String.join(", ", Criterion.Draft.OPTIONS));
            }
        }
        try {
            LocalDate.parse(cells.get(6));
        } catch (DateTimeParseException e) {
            problem(sheet, r, 6, "截止日期 \"" + cells.get(6) + "\" 无效，应为存在的日期，写作文本 YYYY-MM-DD");
        }
    }

    private void code(Sheet sheet, int r, int c, String value) {
        if (!CODE.matcher(value).matches()) {
            problem(sheet, r, c, LABELS.get(c) + " \"" + value + "\" 无效，应为代码（字母、数字、. _ -），如 "
                    + (c == 0 ? "zhoucun" : "T22-1"));
        }
    }

    private void targets(Sheet sheet, int r, ComparatorName comparator, String first, String second) {
        List<String> values = List.of(first, second);
        for (int i = 0; i < 2; i++) {
            boolean wanted = i < comparator.arity();
            if (wanted && values.get(i).isEmpty()) {
                problem(sheet, r, 3 + i, "比较方式 " + comparator.written() + " 需要" + (i == 0 ? "目标值" : "第二个值（上限或允许偏差）"));
            } else if (!wanted && !values.get(i).isEmpty()) {
                problem(sheet, r, 3 + i, "比较方式 " + comparator.written() + " 不用" + LABELS.get(3 + i) + "，应留空");
            } else if (wanted && comparator == ComparatorName.BETTER_THAN) {
                if (WaterClass.parse(values.get(i)).isEmpty()) {
                    problem(sheet, r, 3 + i, "水质类别 \"" + values.get(i) + "\" 无效，可选: Ⅰ Ⅱ Ⅲ Ⅳ Ⅴ 劣Ⅴ");
                }
            } else if (wanted && number(values.get(i)) == null) {
                problem(sheet, r, 3 + i, LABELS.get(3 + i) + " \"" + values.get(i) + "\" 不是数字");
            }
        }
        BigDecimal low = number(first);
        BigDecimal high = number(second);
        if (comparator == ComparatorName.BETWEEN && low != null && high != null && low.compareTo(high) > 0) {
            problem(sheet, r, 4, "区间上限 " + second + " 小于下限 " + first);
        }
        if (comparator == ComparatorName.AROUND && high != null && high.signum() < 0) {
            problem(sheet, r, 4, "允许偏差不能为负数: " + second);
        }
    }

    private static BigDecimal number(String text) {
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String text(Sheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }

    private void problem(Sheet sheet, int row, int column, String message) {
        problems.add(new CatalogProblem(path, row + 1, "工作表 " + sheet.getSheetName() + " " + CellReference.convertNumToColString(column) + " 列",
                message));
    }
}
