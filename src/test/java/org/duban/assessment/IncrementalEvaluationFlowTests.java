package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.duban.MariaDb;
import org.duban.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A stored value re-judges its indicator at once: its warning follows in an incremental run, other
 * indicators' warnings stay as they are, a lower level still waits for a later day, an upload is one
 * run, a failure never fails the intake, and the switch turns it all off. On H2 and on MariaDB.
 */
class IncrementalEvaluationFlowTests {

    /** Fails the warning step of a run on demand. */
    @TestConfiguration
    static class FailSwitch {
        static volatile boolean armed;

        @EventListener
        void on(EvaluationCompleted run) {
            if (armed) {
                throw new IllegalStateException("模拟的故障");
            }
        }
    }

    // autumn 2023: zhoucun-2023 is active and 30 September's values are in
    @SpringBootTest(properties = {"duban.clock.today=2023-10-15", "duban.evaluation.incremental=true"})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    @Import({FailSwitch.class, TestClock.Configuration.class})
    abstract static class Contract {

        @Autowired
        MockMvcTester mvc;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        TestClock clock;

        @BeforeEach
        void startFromNoData() {
            FailSwitch.armed = false;
            for (String table : List.of("warning_event", "early_warning", "rule_firing", "assessment", "evaluation_run", "observation")) {
                jdbc.sql("DELETE FROM " + table).update();
            }
        }

        @Test
        void aValueThatTurnsAnIndicatorRedRaisesItsWarningAtOnce() {
            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":250}]");

            Map<String, Object> run = onlyRun();
            assertThat(run).containsEntry("KIND", "INCREMENTAL").containsEntry("OUTCOME", "SUCCEEDED");
            assertThat(run.get("AS_OF").toString()).isEqualTo("2023-10-15");
            assertThat(run.get("TRIGGERED_BY").toString()).isEqualTo("增量评估：admin 接口报送");
            long runId = ((Number) run.get("ID")).longValue();
            assertThat(jdbc.sql("SELECT indicator_code FROM assessment WHERE run_id = ?").param(runId).query(String.class).list())
                    .containsExactly("T22-1");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM rule_firing WHERE run_id = ? AND indicator_code = 'T22-1'").param(runId)
                    .query(Integer.class).single()).isPositive();

            var warnings = get("/api/warnings?task=22");
            assertThat(warnings).bodyJson().extractingPath("$[*].indicator").asArray().containsExactly("T22-1");
            assertThat(warnings).bodyJson().extractingPath("$[0].level").isEqualTo("RED");
            assertThat(warnings).bodyJson().extractingPath("$[0].cause").isEqualTo("LAG");
            long id = jdbc.sql("SELECT id FROM early_warning").query(Long.class).single();
            assertThat(get("/api/warnings/" + id + "/history")).bodyJson().extractingPath("$[*].runId").asArray()
                    .containsExactly((int) runId);
            // nothing but the indicator reported was judged, so nothing else is warned of
            assertThat(jdbc.sql("SELECT COUNT(*) FROM early_warning").query(Integer.class).single()).isEqualTo(1);
            // with no full run yet, the current judgements are the incremental run's
            assertThat(get("/api/assessments")).bodyJson().extractingPath("$[*].indicator").asArray().containsExactly("T22-1");
        }

        @Test
        void otherIndicatorsWarningsAreUntouched() {
            evaluate("2023-10-15");
            List<String> before = warningRows("T22-1");
            assertThat(before).hasSizeGreaterThan(100);

            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":250}]");

            assertThat(warningRows("T22-1")).isEqualTo(before);
            long incremental = jdbc.sql("SELECT id FROM evaluation_run WHERE kind = 'INCREMENTAL'").query(Long.class).single();
            assertThat(jdbc.sql("""
                    SELECT w.warning_level, w.last_run_id FROM early_warning w JOIN indicator i ON i.id = w.indicator_id WHERE i.code = 'T22-1'""")
                    .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).single()).isEqualTo("RED " + incremental);
        }

        @Test
        void aLowerLevelOnTheDailyRunsDayWaitsForTheNextDay() {
            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":250}]");
            evaluate("2023-10-15"); // the daily run of the same day: still RED
            long id = warningOf("T22-1");
            assertThat(level(id)).isEqualTo("RED");

            // the same day a better value comes in: remembered, not yet believed
            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-10-15\",\"value\":460}]");
            assertThat(level(id)).isEqualTo("RED");
            String pending = jdbc.sql("SELECT pending_level FROM early_warning WHERE id = ?").param(id).query(String.class).single();
            assertThat(pending).isIn("ORANGE", "YELLOW");
            // a correction the same day is still the same day
            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-10-15\",\"value\":461}]");
            assertThat(level(id)).isEqualTo("RED");

            clock.advance(Duration.ofDays(1));
            try {
                // the next day another value of it comes in and confirms the lower level
                submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-10-16\",\"value\":462}]");
            } finally {
                clock.advance(Duration.ofDays(-1));
            }
            assertThat(level(id)).isEqualTo(pending);
            assertThat(jdbc.sql("SELECT event FROM warning_event WHERE warning_id = ? ORDER BY id").param(id).query(String.class).list())
                    .containsExactly("RAISED", "LOWERED");
        }

        @Test
        void aWorseValueWarnsAtOnceEvenOnTheDailyRunsDay() {
            submit("[{\"indicator\":\"T54-1\",\"date\":\"2023-09-30\",\"value\":2650}]");
            evaluate("2023-10-15");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM early_warning w JOIN indicator i ON i.id = w.indicator_id WHERE i.code = 'T54-1'")
                    .query(Integer.class).single()).isZero();

            submit("[{\"indicator\":\"T54-1\",\"date\":\"2023-09-30\",\"value\":2430,\"note\":\"更正\"}]");

            long id = warningOf("T54-1");
            assertThat(level(id)).isEqualTo("YELLOW");
        }

        @Test
        void anUploadOfManyRowsIsOneRunForItsPlan() {
            String csv = """
                    指标编码,日期,数值,备注
                    T54-1,2023-08-31,2300,
                    T54-1,2023-09-30,2650,九月累计
                    T54-3,2023-09-30,80,
                    T22-1,2023-09-30,300,
                    T22-1,2023-08-31,200,
                    """;

            MvcTestResult upload = mvc.post().uri("/api/observations/import").header(HttpHeaders.AUTHORIZATION, ADMIN)
                    .multipart().file(new MockMultipartFile("file", "九月.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))).exchange();

            assertThat(upload).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.stored").isEqualTo(5);
            long runId = ((Number) onlyRun().get("ID")).longValue();
            assertThat(jdbc.sql("SELECT indicator_code FROM assessment WHERE run_id = ? ORDER BY indicator_code").param(runId)
                    .query(String.class).list()).containsExactly("T22-1", "T54-1", "T54-3");
            assertThat(jdbc.sql("SELECT triggered_by FROM evaluation_run").query(String.class).single()).isEqualTo("增量评估：admin 上传报送");
        }

        @Test
        void theSameValueAgainIsNoNewsAndRunsNothing() {
            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":250}]");
            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":250}]");

            assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_run").query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void aFailedIncrementalRunNeverFailsTheIntake() {
            FailSwitch.armed = true;

            submit("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":250}]");

            assertThat(jdbc.sql("SELECT COUNT(*) FROM observation").query(Integer.class).single()).isEqualTo(1);
            assertThat(onlyRun()).containsEntry("OUTCOME", "FAILED").containsEntry("KIND", "INCREMENTAL");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM early_warning").query(Integer.class).single()).isZero();
            FailSwitch.armed = false;
            // the next daily run catches up
            evaluate("2023-10-15");
            assertThat(level(warningOf("T22-1"))).isEqualTo("RED");
        }

        @Test
        void pagesAndListsOfAPlanAsAWholeReadItsFullRunsAndEachIndicatorsNewestJudgement() {
            evaluate("2023-10-15");
            long full = jdbc.sql("SELECT id FROM evaluation_run").query(Long.class).single();
            submit("[{\"indicator\":\"T54-1\",\"date\":\"2023-09-30\",\"value\":2650}]");
            long incremental = jdbc.sql("SELECT id FROM evaluation_run WHERE kind = 'INCREMENTAL'").query(Long.class).single();

            var current = get("/api/assessments");
            assertThat(current).bodyJson().extractingPath("$.length()").isEqualTo(142);
            assertThat(current).bodyJson().extractingPath("$[?(@.indicator == 'T54-1')].runId").asArray().containsExactly((int) incremental);
            assertThat(current).bodyJson().extractingPath("$[?(@.indicator == 'T22-1')].runId").asArray().containsExactly((int) full);
            assertThat(current).bodyJson().extractingPath("$[?(@.indicator == 'T54-1')].actual").asArray().containsExactly("2650人");
            assertThat(get("/api/evaluations")).bodyJson().extractingPath("$[*].kind").asArray().containsExactly("INCREMENTAL", "FULL");
            assertThat(get("/api/assessments?runId=" + incremental)).bodyJson().extractingPath("$.length()").isEqualTo(1);
        }

        private Map<String, Object> onlyRun() {
            return jdbc.sql("SELECT id, kind, outcome, as_of, triggered_by FROM evaluation_run").query().singleRow().entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toUpperCase(java.util.Locale.ROOT), Map.Entry::getValue));
        }

        /** Every warning but of {@code except}'s indicator, with everything a run may change. */
        private List<String> warningRows(String except) {
            return jdbc.sql("""
                    SELECT w.id, w.warning_level, w.status, w.causes, w.message, w.last_run_id, w.updated_at, w.pending_level, w.pending_clear,
                           w.pending_since
                    FROM early_warning w JOIN indicator i ON i.id = w.indicator_id WHERE i.code <> ? ORDER BY w.id""")
                    .param(except)
                    .query((rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), String.valueOf(rs.getString(8)), rs.getString(9), String.valueOf(rs.getString(10))))
                    .list();
        }

        private long warningOf(String indicator) {
            return jdbc.sql("SELECT w.id FROM early_warning w JOIN indicator i ON i.id = w.indicator_id WHERE i.code = ?").param(indicator)
                    .query(Long.class).single();
        }

        private String level(long id) {
            return jdbc.sql("SELECT warning_level FROM early_warning WHERE id = ?").param(id).query(String.class).single();
        }

        private void submit(String json) {
            assertThat(post("/api/observations", json)).hasStatus(HttpStatus.CREATED);
        }

        private void evaluate(String asOf) {
            assertThat(post("/api/evaluations", "{\"asOf\":\"" + asOf + "\"}")).hasStatus(HttpStatus.CREATED);
        }

        private MvcTestResult get(String uri) {
            return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
        }

        private MvcTestResult post(String uri, String json) {
            return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        }
    }

    @Nested
    class OnH2 extends Contract {
    }

    @Nested
    @ExtendWith(MariaDb.class)
    class OnMariaDb extends Contract {

        @DynamicPropertySource
        static void mariadb(DynamicPropertyRegistry registry) {
            MariaDb.register(registry);
        }

        @Autowired
        PlanLock planLock;

        @Autowired
        org.springframework.transaction.support.TransactionTemplate transaction;

        @Autowired
        javax.sql.DataSource dataSource;

        /** An incremental run on one instance and the daily run on another write a plan's warnings one after the other. */
        @Test
        void aRunWritingAPlansWarningsHoldsThePlanAgainstOtherInstances() {
            planLock.prepare("zhoucun-2023");
            long planId = jdbc.sql("SELECT plan_id FROM evaluation_lock").query(Long.class).single();
            String otherInstanceTakes = "SELECT plan_id FROM evaluation_lock WHERE plan_id = " + planId + " FOR UPDATE NOWAIT";
            transaction.executeWithoutResult(status -> {
                planLock.hold("zhoucun-2023");
                try (java.sql.Connection other = dataSource.getConnection()) {
                    other.setAutoCommit(false);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.createStatement().executeQuery(otherInstanceTakes))
                            .isInstanceOf(java.sql.SQLException.class);
                    other.rollback();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (java.sql.Connection other = dataSource.getConnection()) {
                other.setAutoCommit(false);
                assertThat(other.createStatement().executeQuery(otherInstanceTakes).next()).isTrue();
                other.rollback();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The switch off: values are stored and nothing is judged until a run is asked for. */
    @Nested
    @SpringBootTest(properties = {"duban.clock.today=2023-10-15", "duban.evaluation.incremental=false"})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    class SwitchedOff {

        @Autowired
        MockMvcTester mvc;

        @Autowired
        JdbcClient jdbc;

        @Test
        void storedValuesWaitForTheNextRun() {
            jdbc.sql("DELETE FROM evaluation_run").update();
            assertThat(mvc.post().uri("/api/observations").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .content("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":251}]")).hasStatus(HttpStatus.CREATED);

            assertThat(jdbc.sql("SELECT COUNT(*) FROM observation").query(Integer.class).single()).isPositive();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_run").query(Integer.class).single()).isZero();
        }
    }
}
