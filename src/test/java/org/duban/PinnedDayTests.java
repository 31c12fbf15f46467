package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

/** duban.clock.today pins "today" for evaluations, compliance, templates and promised dates alike. */
@DubanTest
@TestPropertySource(properties = "duban.clock.today=2023-10-15")
class PinnedDayTests {

    static final LocalDate PINNED = LocalDate.of(2023, 10, 15);

    @Autowired
    Clock clock;

    @Autowired
    DubanClock dubanClock;

    @Autowired
    MockMvcTester mvc;

    @Test
    void theClockStartsOnThePinnedDayInDubansZone() {
        assertThat(LocalDate.now(clock)).isEqualTo(PINNED);
        assertThat(dubanClock.today()).isEqualTo(PINNED);
        assertThat(clock.getZone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void anEvaluationWithoutAsOfComplianceAndTheTemplateUseThePinnedDay() throws Exception {
        assertThat(post("/api/evaluations", "{}")).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.asOf").isEqualTo("2023-10-15");
        assertThat(mvc.get().uri("/api/compliance").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                .bodyJson().extractingPath("$.asOf").isEqualTo("2023-10-15");
        byte[] template = mvc.get().uri("/api/departments/keji/template.xlsx").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            // T01-1 is monthly: on 15 October the period due is September's (October's is still running)
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("T01-1");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(3).getStringCellValue()).isEqualTo("2023-09-30");
        }
    }

    @Test
    void aPromisedDateInThePastAndAnOverlongCommentAreRefused() throws Exception {
        assertThat(post("/api/observations", "[{\"indicator\":\"T01-1\",\"date\":\"2023-09-30\",\"value\":0}]")).hasStatus(HttpStatus.CREATED);
        String run = post("/api/evaluations", "{\"asOf\":\"2023-10-15\"}").getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        java.util.List<Number> ids = JsonPath.read(run, "$.warnings[?(@.indicator == 'T01-1')].id");
        Number id = ids.get(0);

        assertThat(post("/api/warnings/" + id + "/acknowledge", "{\"explanation\":\"正在推进\",\"promisedDate\":\"2023-10-14\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("promisedDate", "已过去");
        assertThat(post("/api/warnings/" + id + "/resolve", "{\"comment\":\"" + "长".repeat(100_000) + "\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("comment", "过长");
        assertThat(post("/api/warnings/" + id + "/acknowledge", "{\"explanation\":\"正在推进\",\"promisedDate\":\"2023-10-15\"}")).hasStatusOk();
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult post(String uri, String body) {
        return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }
}
