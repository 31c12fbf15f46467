package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.MariaDb;
import org.duban.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * The firing log keeps everything for {@code duban.firings.retention}; older runs keep only the firings
 * behind warning changes (and behind each warning's standing), never touching a running run or any
 * assessment. The clock is moved, not waited for. A small batch makes every run take several DELETEs.
 * On H2 and on MariaDB.
 */
class FiringRetentionTests {

    // the 2023 plan as it stood in autumn 2023; the scheduler is not started, so a nightly prune never
    // runs in the middle of a test (the jobs are still registered)
    @SpringBootTest(properties = {"duban.clock.today=2023-10-15", "duban.firings.retention=30", "duban.firings.prune-batch=100",
            "duban.schedule.enabled=false"})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    @Import(TestClock.Configuration.class)
    abstract static class Contract {

        @Autowired
        MockMvcTester mvc;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        TestClock clock;

        @Autowired
        FiringRetention retention;

        @BeforeEach
        void startFromNoData() {
            for (String table : List.of("warning_event", "early_warning", "rule_firing", "assessment", "evaluation_run", "observation")) {
                jdbc.sql("DELETE FROM " + table).update();
            }
        }

        @Test
        void oldRunsKeepOnlyTheFiringsBehindWarningChangesAndRecentOrRunningRunsKeepAll() {
            submit("""
                    [{"indicator":"T54-1","date":"2023-09-30","value":2430},
                     {"indicator":"T27-1","date":"2023-09-30","value":"Ⅴ"},
                     {"indicator":"T54-3","date":"2023-09-30","value":80}]""");
            long raising = evaluate("2023-09-30");
            long unchanged = evaluate("2023-09-30");
            submit("[{\"indicator\":\"T54-1\",\"date\":\"2023-10-10\",\"value\":2500}]");
            long later = evaluate("2023-10-10");
            clock.advance(Duration.ofDays(31));
            long recent = evaluate("2023-10-15");
            long running = oldRunningCopyOf(raising);
            Map<Long, Set<String>> behind = behind(List.of(raising, unchanged, later));
            assertThat(behind.get(raising)).as("the first run raised warnings").contains("T54-1", "T27-1");
            assertThat(behind.getOrDefault(unchanged, Set.of())).as("a rerun of the same day changes nothing").isEmpty();
            Map<Long, List<String>> before = firings();
            Map<Long, Integer> assessmentsBefore = assessments();

            FiringRetention.Pruned pruned = retention.prune();

            Map<Long, List<String>> after = firings();
            for (long old : List.of(raising, unchanged, later)) {
                Set<String> kept = new HashSet<>(behind.getOrDefault(old, Set.of()));
                assertThat(after.getOrDefault(old, List.of())).as("run %d keeps the firings of %s", old, kept)
                        .containsExactlyInAnyOrderElementsOf(before.get(old).stream().filter(kept::contains).toList());
            }
            assertThat(after.get(raising)).isNotEmpty().hasSizeLessThan(before.get(raising).size());
            assertThat(after.get(recent)).as("a run within the retention").isEqualTo(before.get(recent));
            assertThat(after.get(running)).as("a run still running").isEqualTo(before.get(running));
            assertThat(assessments()).as("assessments are kept for ever").isEqualTo(assessmentsBefore);
            long removed = before.values().stream().mapToLong(List::size).sum() - after.values().stream().mapToLong(List::size).sum();
            assertThat(pruned).isEqualTo(new FiringRetention.Pruned(3, removed));
            assertThat(jdbc.sql("SELECT id FROM evaluation_run WHERE firings_pruned_at IS NOT NULL ORDER BY id").query(Long.class).list())
                    .containsExactly(raising, unchanged, later);

            assertThat(retention.prune()).as("a thinned run is not scanned again").isEqualTo(new FiringRetention.Pruned(0, 0));
        }

        @Test
        void theFiringLogSaysWhenOlderFiringsWerePruned() {
            submit("[{\"indicator\":\"T27-1\",\"date\":\"2023-09-30\",\"value\":\"Ⅴ\"}]");
            long old = evaluate("2023-09-30");
            clock.advance(Duration.ofDays(31));
            long recent = evaluate("2023-10-15");
            retention.prune();

            var thinned = mvc.get().uri("/api/firings?runId=" + old).header(HttpHeaders.AUTHORIZATION, ADMIN);
            assertThat(thinned).hasStatusOk().bodyJson().extractingPath("$.retention.pruned").isEqualTo(true);
            assertThat(thinned).bodyJson().extractingPath("$.retention.retentionDays").isEqualTo(30);
            assertThat(thinned).bodyJson().extractingPath("$.retention.note").isEqualTo("超过 30 天的触发记录只保留引起预警变化的部分");
            assertThat(thinned).bodyJson().extractingPath("$.items[*].indicator").asArray().contains("T27-1");
            assertThat(mvc.get().uri("/api/firings?runId=" + recent).header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                    .bodyJson().extractingPath("$.retention.pruned").isEqualTo(false);

            var planWide = mvc.get().uri("/api/firings?plan=zhoucun-2023&indicator=T27-1").header(HttpHeaders.AUTHORIZATION, ADMIN);
            assertThat(planWide).hasStatusOk().bodyJson().extractingPath("$.retention.pruned").isEqualTo(true);
            assertThat(planWide).bodyJson().extractingPath("$.totalCapped").isEqualTo(false);
            assertThat(planWide).bodyJson().extractingPath("$.items[*].runId").asArray().as("newest run first").startsWith((int) recent).endsWith((int) old);

            var page = mvc.get().uri("/firings?runId=" + old).with(user("admin").roles("OFFICE"));
            assertThat(page).hasStatusOk().bodyText().contains("超过 30 天的触发记录只保留引起预警变化的部分").contains("已清理");
            assertThat(mvc.get().uri("/firings?date=2023-10-15").with(user("admin").roles("OFFICE"))).hasStatusOk().bodyText()
                    .contains("<td>#" + recent + "</td>").doesNotContain("<td>#" + old + "</td>").doesNotContain("已清理");
        }

        @Test
        void thePruneJobIsRegisteredForTheNight() {
            var jobs = mvc.get().uri("/api/jobs").header(HttpHeaders.AUTHORIZATION, ADMIN);

            assertThat(jobs).hasStatusOk().bodyJson().extractingPath("$[?(@.name == 'prune')].cron").asArray().containsExactly("0 30 3 * * ?");
            assertThat(jobs).bodyJson().extractingPath("$[?(@.name == 'prune')].nextFireTime").asArray().doesNotContainNull();
        }

        /** What the warnings' history says each run must keep: indicators it changed, or whose warning rests on it. */
        private Map<Long, Set<String>> behind(List<Long> runs) {
            Map<Long, Set<String>> behind = new HashMap<>();
            jdbc.sql("""
                    SELECT e.run_id, i.code FROM warning_event e JOIN early_warning w ON w.id = e.warning_id JOIN indicator i ON i.id = w.indicator_id
                    WHERE e.run_id IS NOT NULL
                    UNION SELECT w.last_run_id, i.code FROM early_warning w JOIN indicator i ON i.id = w.indicator_id""")
                    .query((rs, n) -> behind.computeIfAbsent(rs.getLong(1), run -> new HashSet<>()).add(rs.getString(2))).list();
            behind.keySet().retainAll(runs);
            return behind;
        }

        /** A run left RUNNING since long ago, with a copy of another run's firings (made after the last evaluation, which would close it). */
        private long oldRunningCopyOf(long runId) {
            jdbc.sql("""
                    INSERT INTO evaluation_run (plan_id, as_of, started_at, rule_set_version, outcome, triggered_by, instance_id)
                    SELECT plan_id, as_of, started_at, rule_set_version, 'RUNNING', '测试', NULL FROM evaluation_run WHERE id = ?""").param(runId).update();
            long running = jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO rule_firing (run_id, rule_name, rule_file, rule_set_version, task_no, indicator_code, facts, fired_at)
                    SELECT ?, rule_name, rule_file, rule_set_version, task_no, indicator_code, facts, fired_at FROM rule_firing WHERE run_id = ?""")
                    .params(running, runId).update();
            return running;
        }

        private Map<Long, List<String>> firings() {
            Map<Long, List<String>> firings = new HashMap<>();
            jdbc.sql("SELECT run_id, rule_name, indicator_code FROM rule_firing ORDER BY id")
                    .query((rs, n) -> firings.computeIfAbsent(rs.getLong(1), run -> new java.util.ArrayList<>()).add(rs.getString(3)))
                    .list();
            return firings;
        }

        private Map<Long, Integer> assessments() {
            Map<Long, Integer> counts = new HashMap<>();
            jdbc.sql("SELECT run_id, COUNT(*) FROM assessment GROUP BY run_id").query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
            return counts;
        }

        private void submit(String json) {
            assertThat(post("/api/observations", json)).hasStatus(HttpStatus.CREATED);
        }

        private long evaluate(String asOf) {
            MvcTestResult result = post("/api/evaluations", "{\"asOf\":\"" + asOf + "\"}");
            assertThat(result).hasStatus(HttpStatus.CREATED);
            return ((Number) JsonPath.read(new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8),
                    "$.runId")).longValue();
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
    }
}
