package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import java.nio.charset.StandardCharsets;

import org.duban.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What an attacker or a careless sender tried: each is a 400 naming the field, nothing is quietly changed, nothing is a 500. */
@DubanTest
class InputLimitsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void valuesPastTheColumnSizeAreRefusedNamingTheField() {
        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-01-31\",\"value\":1e15}]", "value", "整数部分最多 14 位");
        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-01-31\",\"value\":\"123456789012345678\"}]", "value", "整数部分最多 14 位");
        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-01-31\",\"value\":\"1e400\"}]", "value", "整数部分最多 14 位");
        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-01-31\",\"value\":1e400}]", "value", "整数部分最多 14 位");
        assertRefused("[{\"indicator\":\"T30-1\",\"date\":\"2023-01-31\",\"value\":5,\"reference\":1e20}]", "reference", "整数部分最多 14 位");
        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-01-31\",\"value\":1,\"note\":\"" + "长".repeat(1001) + "\"}]", "note", "备注过长");
        assertRefused("[{\"indicator\":\"" + "T".repeat(5000) + "\",\"date\":\"2023-01-31\",\"value\":1}]", "indicator", "未知指标");
    }

    @Test
    void aDecimalCommaAndAPaddedCodeAreRefusedNotReinterpreted() {
        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-02-28\",\"value\":\"1,5\"}]", "value", "不能有逗号");
        assertRefused("[{\"indicator\":\" T01-1\",\"date\":\"2023-02-28\",\"value\":1},{\"indicator\":\"T01-1\",\"date\":\"2023-02-28\",\"value\":2}]",
                "indicator", "前后有空格");
        assertThat(revisions("2023-02-28")).isZero();
    }

    @Test
    void sixDecimalsAreKeptSoTheSameValueTwiceIsNoNewRevisionAndMoreAreRefused() {
        String body = "[{\"indicator\":\"T01-1\",\"date\":\"2023-03-31\",\"value\":1.234568}]";
        assertThat(submit(body)).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.stored").isEqualTo(1);
        assertThat(submit(body)).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.unchanged").isEqualTo(1);
        assertThat(revisions("2023-03-31")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT value_number FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.code = 'T01-1' AND o.period_date = DATE '2023-03-31'")
                .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("1.234568");

        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-03-31\",\"value\":1.23456789}]", "value", "最多 6 位小数");
        assertRefused("[{\"indicator\":\"T01-1\",\"date\":\"2023-03-31\",\"value\":0.0000001}]", "value", "最多 6 位小数");
        assertThat(revisions("2023-03-31")).isEqualTo(1);
    }

    @Test
    void anExistingUserNameIsAConflictAndTheAccountStaysAsItWas() {
        String body = "{\"username\":\"dup-user\",\"password\":\"first-secret\",\"roles\":[\"OFFICE\"]}";
        assertThat(mvc.post().uri("/api/accounts").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(body))
                .hasStatus(HttpStatus.CREATED);
        var again = mvc.post().uri("/api/accounts").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"dup-user\",\"password\":\"other-secret\",\"roles\":[\"OFFICE\"]}");
        assertThat(again).hasStatus(HttpStatus.CONFLICT).bodyText().contains("已存在");
        assertThat(mvc.get().uri("/api/tasks/1").header(HttpHeaders.AUTHORIZATION, org.duban.Logins.basic("dup-user", "first-secret"))).hasStatusOk();
    }

    @Test
    void anOverlongDisplayNameAndUnknownRolesAreRefused() {
        var longName = mvc.post().uri("/api/accounts").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"long-name\",\"password\":\"a-secret-1\",\"roles\":[\"OFFICE\"],\"displayName\":\"" + "名".repeat(5000) + "\"}");
        assertThat(longName).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("displayName");
        var role = mvc.post().uri("/api/accounts").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"bad-role\",\"password\":\"a-secret-1\",\"roles\":[\"KING\"]}");
        assertThat(role).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("roles");
    }

    @Test
    void asOfOutsideThePlanIsRefused() {
        for (String asOf : new String[] {"9999-12-31", "1900-01-01"}) {
            var run = mvc.post().uri("/api/evaluations").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"asOf\":\"" + asOf + "\"}");
            assertThat(run).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("asOf", "超出范围");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_run WHERE as_of > DATE '2100-01-01' OR as_of < DATE '2000-01-01'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCsvWithAnUnterminatedQuoteIsARowNamed400() {
        MvcTestResult result = upload("引号.csv", "指标编码,日期,数值\nT01-1,2023-04-30,1\nT01-1,\"2023-05-31,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("第 3 行", "双引号");
    }

    @Test
    void anOverlongUploadNameIsShortenedAsTheStoredSource() {
        String name = "很".repeat(396) + ".csv";
        MvcTestResult result = upload(name, "指标编码,日期,数值\nT01-1,2023-06-30,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(result).hasStatus(HttpStatus.CREATED);
        String source = jdbc.sql("SELECT source FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.code = 'T01-1' AND o.period_date = DATE '2023-06-30'")
                .query(String.class).single();
        assertThat(source).hasSize(300).endsWith("很很.csv");
    }

    @Test
    void malformedRequestsAreClear400s() {
        assertThat(submit("[{\"indicator\":")).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("无法解析");
        assertThat(mvc.get().uri("/api/evaluations?limit=abc").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("limit");
        assertThat(mvc.get().uri("/api/compliance?asOf=2023-13-45").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("asOf");
        assertThat(mvc.get().uri("/api/warnings?level=PURPLE").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("level");
        assertThat(mvc.get().uri("/api/observations").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("indicator");
        assertThat(mvc.post().uri("/api/observations/import").header(HttpHeaders.AUTHORIZATION, ADMIN).multipart()
                .file(new MockMultipartFile("other", "a.csv", "text/csv", new byte[1]))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String huge = "[" + "{\"indicator\":\"T01-1\",\"date\":\"2023-09-30\",\"value\":1},".repeat(60_000) + "{}]";

        MvcTestResult result = submit(huge);

        assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE).bodyJson().extractingPath("$.detail").asString().startsWith("请求内容过大");
    }

    @Test
    void oversizedQueryParametersAreNo500() {
        String big = "x".repeat(5000);
        for (String uri : new String[] {"/api/warnings?department=" + big, "/api/tasks?plan=" + big, "/api/observations?indicator=" + big,
                "/api/compliance?department=" + big, "/api/departments/" + big + "/template.xlsx", "/api/rules?plan=" + big}) {
            var result = mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
            assertThat(result.getResponse().getStatus()).as(uri.substring(0, 30)).isLessThan(500);
        }
    }

    private void assertRefused(String body, String field, String reason) {
        MvcTestResult result = submit(body);
        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(field);
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains(reason);
    }

    private MvcTestResult submit(String body) {
        return mvc.post().uri("/api/observations").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    private MvcTestResult upload(String name, byte[] content) {
        return mvc.post().uri("/api/observations/import").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .multipart().file(new MockMultipartFile("file", name, "application/octet-stream", content)).exchange();
    }

    private int revisions(String date) {
        return jdbc.sql("SELECT COUNT(*) FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.code = 'T01-1' AND o.period_date = ?")
                .param(java.time.LocalDate.parse(date)).query(Integer.class).single();
    }
}
