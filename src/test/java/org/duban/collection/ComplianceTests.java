package org.duban.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;


import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.DubanTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Which reports are in on time, late or missing, per department and period. */
@DubanTest
class ComplianceTests {

    @Autowired
    ObservationIntake intake;

    @Autowired
    Compliance compliance;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noData() {
        jdbc.sql("DELETE FROM observation").update();
    }

    @Test
    void onTimeLateAndMissingReportsForTheLastDuePeriod() {
        submit("T01-1", "2023-08-31", 5, "2023-09-03T09:00:00Z");   // August, sent in time
        submit("T02-1", "2023-08-31", 3, "2023-09-25T09:00:00Z");   // August, sent after the 10-day grace
        submit("T03-1", "2023-06-30", 140, "2023-07-05T09:00:00Z"); // quarterly, Q2 due
        // T03-2 (quarterly) and T06-1 (quarterly) report nothing; T06-2 is yearly, not due yet

        Compliance.DepartmentCompliance keji = compliance.report(Optional.empty(), LocalDate.parse("2023-09-30"), Optional.of("keji"))
                .departments().get(0);

        Map<String, Compliance.Status> statuses = new java.util.HashMap<>();
        keji.indicators().forEach(line -> statuses.put(line.code(), line.status()));
        assertThat(statuses).containsEntry("T01-1", Compliance.Status.REPORTED).containsEntry("T02-1", Compliance.Status.LATE)
                .containsEntry("T03-1", Compliance.Status.REPORTED).containsEntry("T03-2", Compliance.Status.MISSING)
                .containsEntry("T06-2", Compliance.Status.NOT_DUE);
        assertThat(keji.indicators()).filteredOn(line -> line.code().equals("T01-1")).singleElement()
                .satisfies(line -> {
                    assertThat(line.period()).isEqualTo("2023年8月");
                    assertThat(line.dueDate()).isEqualTo(LocalDate.parse("2023-09-10"));
                });
        assertThat(keji.reported()).isEqualTo(2);
        assertThat(keji.late()).isEqualTo(1);
    }

    @Test
    void aStockWithoutItsStartOfYearValueIsListedAsMissingItsBaseline() {
        submit("T03-1", "2023-06-30", 140, "2023-07-05T09:00:00Z");
        intake.submit(Optional.empty(), List.of(new ObservationInput("T03-2", "2023-06-30", 130, 120, null, null,
                Instant.parse("2023-07-05T09:00:00Z"), "test", Map.of())), Submitter.office("test"), Channel.API, "test");

        Compliance.DepartmentCompliance keji = compliance.report(Optional.empty(), LocalDate.parse("2023-09-30"), Optional.of("keji"))
                .departments().get(0);

        assertThat(keji.indicators()).filteredOn(Compliance.IndicatorCompliance::missingBaseline)
                .extracting(Compliance.IndicatorCompliance::code).contains("T03-1").doesNotContain("T03-2", "T01-1");
        assertThat(keji.indicators()).filteredOn(line -> line.code().equals("T03-1")).singleElement()
                .extracting(Compliance.IndicatorCompliance::note).asString().startsWith("缺少年初基数");
    }

    @Test
    void anAdditionThatReachedItsTargetOwesNoMoreReports() {
        submit("T01-1", "2023-07-31", 9, "2023-08-05T09:00:00Z"); // 9 of 9 platforms by July, nothing since

        Compliance.DepartmentCompliance keji = compliance.report(Optional.empty(), LocalDate.parse("2023-09-30"), Optional.of("keji"))
                .departments().get(0);

        assertThat(keji.indicators()).filteredOn(line -> line.code().equals("T01-1")).singleElement().satisfies(line -> {
            assertThat(line.status()).isEqualTo(Compliance.Status.DONE);
            assertThat(line.note()).isEqualTo("已完成目标，无需继续报送");
        });
    }

    @Test
    void servedByTheApiForEveryDepartment() {
        submit("T01-1", "2023-08-31", 5, "2023-09-03T09:00:00Z");

        var response = mvc.get().uri("/api/compliance?asOf=2023-09-30")
                .header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$.graceDays").isEqualTo(10);
        assertThat(response).bodyJson().extractingPath("$.departments[*].name").asArray().contains("区科技局", "区发展改革局", "区水利局");
        assertThat(response).bodyJson().extractingPath("$.departments[?(@.code == 'keji')].reported").asArray().containsExactly(1);
    }

    private void submit(String indicator, String date, Object value, String submittedAt) {
        intake.submit(Optional.empty(), List.of(new ObservationInput(indicator, date, value, null, null, null, Instant.parse(submittedAt), "test", Map.of())),
                Submitter.office("test"), Channel.API, "test");
    }
}
