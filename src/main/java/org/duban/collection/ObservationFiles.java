package org.duban.collection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.catalog.Department;
import org.duban.catalog.Frequency;
import org.duban.catalog.Indicator;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.rules.facts.ReportingPeriod;
import org.springframework.stereotype.Service;

/**
 * Files of observations: importing a CSV or XLSX file (all rows or none, through
 * {@link ObservationIntake}), and the Excel template a department fills in.
 */
@Service
public class ObservationFiles {

    static final List<String> TEMPLATE_HEADER = List.of("指标编码", "指标名称", "单位", "日期", "数值", "对照值", "备注", "填写提示");

    /** The longest file name kept as an observation's source ({@code observation.source}). */
    static final int MAX_SOURCE = 300;

    /** Where a file's bytes come from; opened again when a CSV turns out not to be UTF-8. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final ObservationIntake intake;
    private final PlanCatalog catalog;
    private final CollectionSettings settings;

    ObservationFiles(ObservationIntake intake, PlanCatalog catalog, CollectionSettings settings) {
        this.intake = intake;
        this.catalog = catalog;
        this.settings = settings;
    }

    /**
     * Imports a file of {@code size} bytes, read as a stream. A file over
     * {@code duban.collection.max-file-size} is refused before a byte is read.
     */
    public ObservationIntake.Receipt importFile(Optional<String> plan, String fileName, long size, Content content, Submitter submitter,
                                                Channel channel) {
        if (size > settings.maxFileSize().toBytes()) {
            throw new ObservationsRejected(List.of(new ObservationProblem(fileName, "", "文件过大（" + megabytes(size) + "），最大 "
                    + megabytes(settings.maxFileSize().toBytes()) + "；请分成几个文件")));
        }
        List<ObservationInput> rows = ObservationFile.read(fileName, content);
        if (rows.isEmpty()) {
            throw new ObservationsRejected(List.of(new ObservationProblem(fileName, "", "文件中没有任何填写了数值的数据行")));
        }
        return intake.submit(plan, rows, submitter, channel, source(fileName));
    }

    /**
     * The file name is only a label of where values came from, so an over-long one is shortened
     * (keeping its end, where the extension is) rather than refusing the values in it.
     */
    static String source(String fileName) {
        return fileName.length() <= MAX_SOURCE ? fileName : "…" + fileName.substring(fileName.length() - (MAX_SOURCE - 1));
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? String.format("%.1f MB", bytes / 1024.0 / 1024.0) : (bytes + 1023) / 1024 + " KB";
    }

    /**
     * The template of a department: one row per indicator of the tasks it leads, with name, unit
     * and the end of the current reporting period filled in; 数值 (and 对照值 where needed) left blank.
     */
    public byte[] template(Optional<String> planCode, Department department, LocalDate today) {
        Plan plan = catalog.plan(planCode, Optional.of(department.region()))
                .orElseThrow(() -> new IllegalArgumentException(PlanCatalog.missing(planCode, Optional.of(department.region()))));
        LocalDate day = today.getYear() == plan.year() ? today
                : today.getYear() < plan.year() ? LocalDate.of(plan.year(), 1, 1) : LocalDate.of(plan.year(), 12, 31);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("数据报送");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int c = 0; c < TEMPLATE_HEADER.size(); c++) {
                header.createCell(c).setCellValue(TEMPLATE_HEADER.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            List<Task> tasks = catalog.tasks(plan.code());
            for (Task task : tasks) {
                for (Indicator indicator : task.indicators()) {
                    if (PlanCatalog.reporters(tasks, indicator.code()).stream().noneMatch(d -> d.code().equals(department.code()))) {
                        continue;
                    }
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(indicator.code());
                    row.createCell(1).setCellValue(indicator.name());
                    row.createCell(2).setCellValue(indicator.unit() == null ? "" : indicator.unit());
                    row.createCell(3).setCellValue(periodEnd(indicator.frequency(), day).toString());
                    row.createCell(7).setCellValue(hint(indicator)); // not read back: import ignores this column
                }
            }
            int[] widths = {10, 40, 8, 12, 10, 10, 30, 34};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, (widths[c] + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            instructions(workbook.createSheet("填写说明"), department, plan);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The last day of the latest period that has ended by {@code day}: the one whose report is due. A date
     * in the period still running would only count at its end (and at the year's end as the final figure).
     */
    static LocalDate periodEnd(Frequency frequency, LocalDate day) {
        List<ReportingPeriod> periods = ReportingPeriod.ofYear(frequency.name(), day.getYear());
        return periods.stream().filter(p -> !p.end().isAfter(day)).reduce((a, b) -> b).orElse(periods.get(0)).end();
    }

    private static String hint(Indicator indicator) {
        return switch (indicator.kind()) {
            case ADDITION -> "填写年初以来累计数";
            case MILESTONE -> "填写 未启动、推进中 或 已完成";
            case WATER_CLASS -> "填写水质类别 Ⅰ、Ⅱ、Ⅲ、Ⅳ、Ⅴ 或 劣Ⅴ";
            case CEILING -> "对照值填写市下达的控制指标";
            case RELATIVE -> "对照值填写全市平均水平或上年同期值";
            default -> "";
        };
    }

    private static void instructions(Sheet sheet, Department department, Plan plan) {
        String[] lines = {
                plan.name() + " — " + department.name() + " 数据报送模板",
                "1. 在“数据报送”表中填写“数值”列；不填数值的行不会导入，可保留。",
                "2. 日期为数据截至日期（YYYY-MM-DD），已按当前报送周期预填，可修改。",
                "3. 新增类指标填写年初以来的累计数；比率类填写百分数（如 85 表示 85%）。",
                "4. 里程碑填写 未启动、推进中 或 已完成；水质填写 Ⅰ、Ⅱ、Ⅲ、Ⅳ、Ⅴ 或 劣Ⅴ。",
                "5. 控制类、相对类指标须在“对照值”列填写控制指标或对照值。",
                "6. 文件中只要有一处错误，整个文件都不会导入；改正后重新上传即可，重复上传不会产生重复数据。",
                "7. 上传：POST /api/observations/import，或放入数据目录的 inbox 文件夹。"};
        for (int i = 0; i < lines.length; i++) {
            sheet.createRow(i).createCell(0).setCellValue(lines[i]);
        }
        sheet.setColumnWidth(0, 100 * 256);
    }

}
