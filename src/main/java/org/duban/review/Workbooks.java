package org.duban.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes the ledger and the bulletin as Excel workbooks: a bold header row, then one row per line. */
final class Workbooks {

    private Workbooks() {
    }

    /** One sheet: a title row, a header and rows of cells (numbers stay numbers). */
    static void sheet(XSSFWorkbook workbook, String name, String title, List<String> header, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row titleRow = sheet.createRow(0);
        titleRow.createCell(0).setCellValue(title);
        titleRow.getCell(0).setCellStyle(bold);
        Row head = sheet.createRow(1);
        for (int i = 0; i < header.size(); i++) {
            head.createCell(i).setCellValue(header.get(i));
            head.getCell(i).setCellStyle(bold);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 2);
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number instanceof BigDecimal d ? d.doubleValue() : number.doubleValue());
                } else {
                    row.createCell(c).setCellValue(value == null ? "" : value.toString());
                }
            }
        }
        sheet.createFreezePane(0, 2);
    }

    static byte[] bytes(XSSFWorkbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
