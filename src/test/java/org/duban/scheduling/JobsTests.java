package org.duban.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.duban.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The jobs are listed with their schedule and last runs, and can be run now. */
// the scheduled evaluation runs "as of today": the 2023 plan is evaluated on a day within it
@DubanTest
@org.springframework.test.context.TestPropertySource(properties = "duban.clock.today=2023-10-15")
class JobsTests {


    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsTheJobsWithCronAndNextFireTime() {
        var jobs = mvc.get().uri("/api/jobs").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(jobs).hasStatusOk().bodyJson().extractingPath("$[*].name").asArray().contains("evaluation", "inbox");
        assertThat(jobs).bodyJson().extractingPath("$[?(@.name == 'evaluation')].cron").asArray().containsExactly("0 0 6 * * ?");
        assertThat(jobs).bodyJson().extractingPath("$[?(@.name == 'evaluation')].nextFireTime").asArray().doesNotContainNull()
                .singleElement().satisfies(next -> assertThat(java.time.Instant.parse(next.toString()).atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour())
                        .as("06:00 in Duban's zone, not the server's").isEqualTo(6));
    }

    @Test
    void runsAJobNowAndRecordsTheRun() {
        assertThat(mvc.post().uri("/api/jobs/evaluation/run").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatus(HttpStatus.ACCEPTED);

        // "run now" runs every partition of the evaluation, each its own Quartz job
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT job_name FROM job_run WHERE job_name LIKE 'evaluation-partition-%' AND outcome = 'SUCCEEDED'").query(String.class).list())
                .containsExactlyInAnyOrder("evaluation-partition-0", "evaluation-partition-1", "evaluation-partition-2", "evaluation-partition-3"));
        assertThat(jdbc.sql("SELECT triggered_by FROM evaluation_run").query(String.class).list()).contains("定时任务");
        assertThat(mvc.get().uri("/api/jobs").header(HttpHeaders.AUTHORIZATION, ADMIN)).bodyJson()
                .extractingPath("$[?(@.name == 'evaluation')].lastRuns[*].outcome").asArray().hasSize(4).containsOnly("SUCCEEDED");
    }

    @Test
    void theEvaluationIsOneJobInTheListAndOneQuartzTriggerPerPartition() {
        var jobs = mvc.get().uri("/api/jobs").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(jobs).bodyJson().extractingPath("$[?(@.name == 'evaluation')].quartzJobs[*]").asArray()
                .containsExactly("evaluation-partition-0", "evaluation-partition-1", "evaluation-partition-2", "evaluation-partition-3");
        assertThat(jdbc.sql("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE 'evaluation%' ORDER BY TRIGGER_NAME").query(String.class).list())
                .containsExactly("evaluation-partition-0", "evaluation-partition-1", "evaluation-partition-2", "evaluation-partition-3");
    }

    @Test
    void onePartitionCanBeRunByItself() {
        assertThat(mvc.post().uri("/api/jobs/evaluation-partition-3/run").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatus(HttpStatus.ACCEPTED);

        // zhoucun, the one region, falls in partition 3 of 4 (PartitionTests pins the hash)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT COUNT(*) FROM job_run WHERE job_name = 'evaluation-partition-3' AND outcome = 'SUCCEEDED'").query(Integer.class).single())
                .isPositive());
        assertThat(mvc.post().uri("/api/jobs/evaluation-partition-4/run").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anUnknownJobIsA404() {
        assertThat(mvc.post().uri("/api/jobs/nothing/run").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatus(HttpStatus.NOT_FOUND);
    }
}
