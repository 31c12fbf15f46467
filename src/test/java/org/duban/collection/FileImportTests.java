package org.duban.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;


import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.DubanTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Uploading CSV and Excel files: all rows or none, every error named by row and column, idempotent. */
@DubanTest
class FileImportTests {


    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noData() {
        jdbc.sql("DELETE FROM observation").update();
    }

    @Test
    void aCsvWithErrorsInThreeRowsIsRejectedWithTheRowsNamedThenTheCorrectedFileImportsOnce() {
        String bad = """
                指标编码,日期,数值,备注
                T54-1,2023-09-30,2650,九月累计
                T54-3,2023-09-30,百分之八十,
                T99-9,2023-09-30,3,
                T54-2,2022-12-31,5000,
                T22-1,2023-09-30,300,
                """;

        MvcTestResult rejected = upload("就业.csv", bad.getBytes(StandardCharsets.UTF_8));

        assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].place").asArray()
                .containsExactly("第 3 行", "第 4 行", "第 5 行");
        assertThat(rejected).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("第 3 列（数值）", "第 1 列（指标编码）", "第 2 列（日期）");
        assertThat(rejected).bodyJson().extractingPath("$.errors[*].message").asArray()
                .containsExactly("应为数值，实为 \"百分之八十\"", "未知指标 \"T99-9\"", "日期 2022-12-31 不在计划年度 2023 年内");
        assertThat(count()).isZero();

        String corrected = bad.replace("百分之八十", "80").replace("T99-9", "T54-1").replace("2022-12-31", "2023-09-30")
                .replace("T54-1,2023-09-30,3,", "T54-1,2023-08-31,2300,");
        assertThat(upload("就业.csv", corrected.getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.stored").isEqualTo(5);
        assertThat(upload("就业.csv", corrected.getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.unchanged").isEqualTo(5);
        assertThat(count()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT DISTINCT channel FROM observation").query(String.class).list()).containsExactly("UPLOAD");
    }

    @Test
    void duplicateRowsAndAWrongUnitAreErrorsToo() {
        String csv = """
                indicator,date,value,unit
                T54-1,2023-09-30,2650,人
                T54-1,2023-09-30,2651,人
                T54-2,2023-09-30,6000,亿元
                """;

        MvcTestResult rejected = upload("x.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].message").asArray()
                .containsExactly("与第 2 行重复（同一指标同一日期）", "单位应为 \"万元\"，实为 \"亿元\"");
    }

    @Test
    void aCsvSavedByChineseExcelInGb18030Imports() {
        String csv = "指标编码,日期,数值\r\nT21-1,2023-06-30,推进中\r\nT27-1,2023-06-30,IV类\r\n";

        assertThat(upload("gbk.csv", csv.getBytes(Charset.forName("GB18030")))).hasStatus(HttpStatus.CREATED)
                .bodyJson().extractingPath("$.stored").isEqualTo(2);
        assertThat(jdbc.sql("SELECT value_text FROM observation").query(String.class).list()).containsExactlyInAnyOrder("推进中", "Ⅳ");
    }

    @Test
    void anExcelFileWithDateCellsImportsAndItsErrorsNameTheColumnLetter() throws Exception {
        byte[] workbook = workbook(List.of(List.of("指标编码", "指标名称", "日期", "数值"), List.of("T22-1", "充电桩", java.time.LocalDate.of(2023, 9, 30), 300.0),
                List.of("T22-1", "充电桩", java.time.LocalDate.of(2023, 10, 31), -5.0)));

        MvcTestResult rejected = upload("充电桩.xlsx", workbook);

        assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].place").isEqualTo("第 3 行");
        assertThat(rejected).bodyJson().extractingPath("$.errors[0].field").isEqualTo("D 列（数值）");
        byte[] fixed = workbook(List.of(List.of("指标编码", "指标名称", "日期", "数值"), List.of("T22-1", "充电桩", java.time.LocalDate.of(2023, 9, 30), 300.0)));
        assertThat(upload("充电桩.xlsx", fixed)).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.stored").isEqualTo(1);
        assertThat(jdbc.sql("SELECT period_date FROM observation").query(java.sql.Date.class).single()).hasToString("2023-09-30");
    }

    @Test
    void aFileWithoutTheRequiredColumnsSaysWhichAreMissing() {
        assertThat(upload("x.csv", "编码,值\nT22-1,3\n".getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].message").asString().startsWith("第 1 行（表头）缺少列: 日期");
        assertThat(upload("x.xls", new byte[] {1, 2, 3})).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].message").asString().contains("另存为 .xlsx");
    }

    @Test
    void theDepartmentTemplateListsItsIndicatorsAndImportsOnceFilledIn() throws Exception {
        MvcTestResult download = mvc.get().uri("/api/departments/keji/template.xlsx").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
        assertThat(download).hasStatusOk().hasHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        byte[] filled;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.getResponse().getContentAsByteArray()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标编码");
            List<String> codes = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(codes).containsExactly("T01-1", "T02-1", "T03-1", "T03-2", "T06-1", "T06-2");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("家");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).startsWith("2023-");
            sheet.getRow(1).createCell(4).setCellValue(6);
            workbook.write(out);
            filled = out.toByteArray();
        }

        assertThat(upload("科技局.xlsx", filled)).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.stored").isEqualTo(1);
    }

    private MvcTestResult upload(String name, byte[] content) {
        return mvc.post().uri("/api/observations/import").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .multipart().file(new MockMultipartFile("file", name, "application/octet-stream", content)).exchange();
    }

    private int count() {
        return jdbc.sql("SELECT COUNT(*) FROM observation").query(Integer.class).single();
    }

    static byte[] workbook(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("数据");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    var cell = row.createCell(c);
                    if (value instanceof java.time.LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof Double number) {
                        cell.setCellValue(number);
                    } else {
                        cell.setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
