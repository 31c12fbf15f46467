package org.duban.collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded or dropped file of observations: CSV (UTF-8, or GB18030 as Excel saves it in
 * China) or XLSX (first sheet). Columns are found by their header, in Chinese or English:
 * 指标编码 / indicator, 日期 / date, 数值 / value, 备注 / note, and optionally 对照值 / reference and
 * 单位 / unit; other columns (such as 指标名称) are ignored. Rows without a value are skipped, so a
 * half-filled template imports what was filled in.
 */
final class ObservationFile {

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        alias("indicator", "指标编码", "指标代码", "编码", "indicator", "code");
        alias("date", "日期", "数据日期", "统计日期", "截至日期", "date");
        alias("value", "数值", "值", "完成值", "完成情况", "状态", "value");
        alias("note", "备注", "说明", "note");
        alias("reference", "对照值", "控制指标", "参考值", "reference");
        alias("unit", "单位", "unit");
    }

    private static final Map<String, String> CHINESE = Map.of("indicator", "指标编码", "date", "日期", "value", "数值",
            "note", "备注", "reference", "对照值", "unit", "单位");

    private ObservationFile() {
    }

    /** The rows of the file, or {@link ObservationsRejected} when the file itself cannot be read. */
    static List<ObservationInput> read(String fileName, ObservationFiles.Content content) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return csv(fileName, content);
        }
        if (lower.endsWith(".xlsx")) {
            return xlsx(fileName, content);
        }
        if (lower.endsWith(".xls")) {
            throw rejected(fileName, "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再上传");
        }
        throw rejected(fileName, "不支持的文件类型，请上传 .csv 或 .xlsx 文件");
    }

    /**
     * Read as a stream, record by record, never the whole file at once. UTF-8 is tried first; a
     * byte sequence that is not UTF-8 starts the reading again as GB18030 (what Excel saves in China).
     */
    private static List<ObservationInput> csv(String fileName, ObservationFiles.Content content) {
        try {
            return csv(fileName, content, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (NotUtf8 e) {
            return csv(fileName, content, Charset.forName("GB18030").newDecoder());
        }
    }

    private static final class NotUtf8 extends RuntimeException {
        NotUtf8() {
            super(null, null, false, false);
        }
    }

    private static List<ObservationInput> csv(String fileName, ObservationFiles.Content content, CharsetDecoder decoder) {
        try (Reader reader = withoutBom(new BufferedReader(new InputStreamReader(content.open(), decoder)));
             CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            List<ObservationInput> rows = new ArrayList<>();
            Map<String, Integer> columns = null;
            Map<String, String> labels = null;
            long line = 1;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    line = parser.getCurrentLineNumber() + 1;
                    if (columns == null) {
                        List<String> header = new ArrayList<>();
                        record.forEach(header::add);
                        columns = columns(fileName, header);
                        labels = labels(columns, header, index -> "第 " + (index + 1) + " 列");
                        continue;
                    }
                    Map<String, Object> cells = new HashMap<>();
                    columns.forEach((field, index) -> cells.put(field, index < record.size() ? emptyToNull(record.get(index)) : null));
                    row(cells, "第 " + record.getRecordNumber() + " 行", labels).ifPresent(rows::add);
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw new NotUtf8();
                }
                // commons-csv stops at a quote that is never closed, or text after a closing quote
                throw new ObservationsRejected(List.of(new ObservationProblem(fileName, "第 " + line + " 行起",
                        "CSV 格式错误：双引号未闭合或引号后还有字符，此行及以后的内容无法读取；请检查该行的双引号")));
            }
            if (columns == null) {
                throw rejected(fileName, "文件为空");
            }
            return rows;
        } catch (CharacterCodingException e) {
            throw new NotUtf8();
        } catch (IOException e) {
            throw rejected(fileName, "无法读取 CSV 文件: " + e.getMessage());
        }
    }

    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static List<ObservationInput> xlsx(String fileName, ObservationFiles.Content content) {
        // the size is checked before this; POI keeps the unpacked sheet in memory, guarded by its zip-bomb limits
        try (InputStream in = content.open(); Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row headerRow = null;
            for (Row row : sheet) {
                if (row.getPhysicalNumberOfCells() > 0) {
                    headerRow = row;
                    break;
                }
            }
            if (headerRow == null) {
                throw rejected(fileName, "工作表“" + sheet.getSheetName() + "”为空");
            }
            List<String> header = new ArrayList<>();
            for (int c = 0; c < headerRow.getLastCellNum(); c++) {
                Object value = cell(headerRow.getCell(c));
                header.add(value == null ? "" : value.toString());
            }
            Map<String, Integer> columns = columns(fileName, header);
            Map<String, String> labels = labels(columns, header, index -> CellReference.convertNumToColString(index) + " 列");
            List<ObservationInput> rows = new ArrayList<>();
            for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, Object> cells = new HashMap<>();
                columns.forEach((field, index) -> cells.put(field, cell(row.getCell(index))));
                row(cells, "第 " + (r + 1) + " 行", labels).ifPresent(rows::add);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ObservationsRejected rejected) {
                throw rejected;
            }
            throw rejected(fileName, "无法读取 Excel 文件（是否为有效的 .xlsx？）: " + e.getMessage());
        }
    }

    private static java.util.Optional<ObservationInput> row(Map<String, Object> cells, String place, Map<String, String> labels) {
        Object value = cells.get("value");
        if (value == null && cells.get("reference") == null && cells.get("note") == null) {
            return java.util.Optional.empty();
        }
        Object date = cells.get("date");
        return java.util.Optional.of(new ObservationInput(text(cells.get("indicator")), date == null ? null : date.toString(), value,
                cells.get("reference"), text(cells.get("note")), text(cells.get("unit")), null, place, labels));
    }

    private static Map<String, Integer> columns(String fileName, List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String field = HEADERS.get(normalize(header.get(i)));
            if (field != null && !columns.containsKey(field)) {
                columns.put(field, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("indicator", "date", "value")) {
            if (!columns.containsKey(required)) {
                missing.add(CHINESE.get(required));
            }
        }
        if (!missing.isEmpty()) {
            throw rejected(fileName, "第 1 行（表头）缺少列: " + String.join("、", missing) + "（表头应包含 指标编码、日期、数值，可选 备注、对照值、单位）");
        }
        return columns;
    }

    private static Map<String, String> labels(Map<String, Integer> columns, List<String> header, java.util.function.IntFunction<String> place) {
        Map<String, String> labels = new HashMap<>();
        columns.forEach((field, index) -> labels.put(field, place.apply(index) + "（" + header.get(index).strip() + "）"));
        return labels;
    }

    private static Object cell(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : excelNumber(cell.getNumericCellValue());
            case STRING -> emptyToNull(cell.getStringCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
    }

    /**
     * Excel keeps 15 significant digits and shows no more; a double's binary tail
     * (0.30000000000000004) is not what the sender typed and would fail the 6-decimal check.
     */
    private static BigDecimal excelNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
    }

    private static String normalize(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s*＊（(].*$", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString().strip();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void alias(String field, String... names) {
        for (String name : names) {
            HEADERS.put(name.toLowerCase(Locale.ROOT), field);
        }
    }

    private static ObservationsRejected rejected(String fileName, String message) {
        return new ObservationsRejected(List.of(new ObservationProblem(fileName, "", message)));
    }
}
