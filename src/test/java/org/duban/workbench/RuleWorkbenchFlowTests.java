package org.duban.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.duban.ConfigCopy;
import org.duban.MariaDb;
import org.duban.rules.RuleSets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import com.jayway.jsonpath.JsonPath;

/**
 * A rule author's change in staged mode, through the API: it is checked and staged but does not judge
 * until activated; the dry run lists the warnings it would add and writes nothing; the history keeps
 * both versions with a diff; a rollback judges as before on the next run, also after a restart.
 * On H2 and on MariaDB.
 */
class RuleWorkbenchFlowTests {

    static final String LOWER_YELLOW_LAG = "insert(new LagThreshold(Level.YELLOW, 5));";

    @SpringBootTest(properties = {"duban.clock.today=2023-10-15", "duban.rules.mode=staged"})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    abstract static class Contract {

        static final ConfigCopy COPY = new ConfigCopy();

        @DynamicPropertySource
        static void copiedFiles(DynamicPropertyRegistry registry) {
            COPY.register(registry);
        }

        @Autowired
        org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        RuleSets ruleSets;

        @BeforeEach
        void startFromTheRepositoryRules() {
            COPY.reset();
            for (String table : List.of("warning_event", "early_warning", "rule_firing", "assessment", "evaluation_run", "observation")) {
                jdbc.sql("DELETE FROM " + table).update();
            }
            assertThat(post("/api/rules/activate", "")).hasStatusOk();
        }

        @Test
        void aStagedChangeJudgesOnlyOnceActivatedAndARollbackJudgesAsBefore() {
            // T54-1 lags 14.0 points (YELLOW); T22-1 (488 of 720 on 30 September) lags 7.0 points: quiet below 10
            assertThat(post("/api/observations", """
                    [{"indicator":"T54-1","date":"2023-09-30","value":2430},
                     {"indicator":"T22-1","date":"2023-09-30","value":488}]""")).hasStatus(HttpStatus.CREATED);
            String first = evaluate();
            String v1 = JsonPath.read(first, "$.ruleSetVersion");
            Map<String, String> levelsBefore = levels(first);
            assertThat(levelsBefore).containsEntry("T54-1", "YELLOW").containsEntry("T22-1", "NONE");

            COPY.replace(COPY.rulesDir().resolve("common/levels.drl"), "insert(new LagThreshold(Level.YELLOW, 10));", LOWER_YELLOW_LAG);
            assertThat(post("/api/rules/reload", "")).hasStatusOk();
            String staged = body(get("/api/rules/staged"));
            assertThat((String) JsonPath.read(staged, "$.mode")).isEqualTo("staged");
            assertThat((String) JsonPath.read(staged, "$.activeVersion")).isEqualTo(v1);
            String v2 = JsonPath.read(staged, "$.stagedVersion");
            assertThat(v2).isNotNull().isNotEqualTo(v1);

            // staged, not active: the next evaluation still judges with v1
            String second = evaluate();
            assertThat((String) JsonPath.read(second, "$.ruleSetVersion")).isEqualTo(v1);
            assertThat(levels(second)).isEqualTo(levelsBefore);

            // the dry run shows the new warning with both explanations, and writes nothing
            Map<String, Integer> rows = rowCounts();
            String dryRun = body(post("/api/rules/dry-run", "{\"asOf\":\"2023-09-30\"}"));
            assertThat(rowCounts()).isEqualTo(rows);
            assertThat((String) JsonPath.read(dryRun, "$.candidateVersion")).isEqualTo(v2);
            assertThat(JsonPath.<List<Map<String, Object>>>read(dryRun, "$.differences[?(@.indicator == 'T22-1')]")).singleElement()
                    .satisfies(d -> {
                        assertThat(d).containsEntry("change", "NEW").containsEntry("after", "YELLOW").containsEntry("before", null);
                        assertThat((String) d.get("explanationBefore")).contains("未达黄色预警阈值10个百分点");
                        assertThat((String) d.get("explanationAfter")).contains("黄色预警");
                    });
            assertThat(JsonPath.<List<Object>>read(dryRun, "$.differences[?(@.indicator == 'T54-1')]")).isEmpty();
            assertThat(JsonPath.<Integer>read(dryRun, "$.counts.NEW_YELLOW")).isEqualTo(1);

            // activated, the next evaluation judges with v2
            String activated = body(post("/api/rules/activate", ""));
            assertThat((String) JsonPath.read(activated, "$.activeVersion")).isEqualTo(v2);
            String third = evaluate();
            assertThat((String) JsonPath.read(third, "$.ruleSetVersion")).isEqualTo(v2);
            assertThat(levels(third)).containsEntry("T22-1", "YELLOW");

            // the history keeps both, newest first, with who and the diff
            String versions = body(get("/api/rules/versions"));
            assertThat(JsonPath.<List<String>>read(versions, "$[*].version")).startsWith(v2, v1);
            assertThat((String) JsonPath.read(versions, "$[0].activatedBy")).isEqualTo("admin");
            assertThat((String) JsonPath.read(versions, "$[0].diff")).contains("修改 common/levels.drl")
                    .contains("insert(new LagThreshold(Level.YELLOW, 10));").contains(LOWER_YELLOW_LAG);

            // rollback: the next run judges as v1 did, and a restart keeps v1 although the folder holds v2
            assertThat(post("/api/rules/versions/" + v1 + "/activate", "")).hasStatusOk();
            String fourth = evaluate();
            assertThat((String) JsonPath.read(fourth, "$.ruleSetVersion")).isEqualTo(v1);
            assertThat(levels(fourth)).isEqualTo(levelsBefore);
            assertThat(JsonPath.<String>read(body(get("/api/rules/versions")), "$[0].reason")).isEqualTo("ROLLBACK");
            ruleSets.start();
            assertThat(ruleSets.current("zhoucun-2023").orElseThrow().version()).isEqualTo(v1);
            assertThat(ruleSets.staged("zhoucun-2023").orElseThrow().version()).isEqualTo(v2);
        }

        @Test
        void theRulesPageShowsWhereEachRuleIsWrittenAndWhichPlansKeptTheirLastGoodRules() {
            COPY.replace(COPY.rulesDir().resolve("tasks/t22.drl"), "atLeast(720)", "atLeast(");
            assertThat(post("/api/rules/activate", "")).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);

            String page = body(get("/rules"));

            assertThat(page).contains("id=\"rule-places\"").contains("<td>rules/tasks/t22.drl</td>")
                    .contains("以下计划仍使用上次成功加载的规则：zhoucun-2023");
        }

        @Test
        void nearMissNamesEachJudgingRuleAndTheValuesOfTheOnesThatDidNotFire() {
            assertThat(post("/api/observations", "[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":488}]"))
                    .hasStatus(HttpStatus.CREATED);
            String nearMiss = body(get("/api/rules/near-miss?indicator=T22-1&asOf=2023-09-30"));
            assertThat((String) JsonPath.read(nearMiss, "$.assessment.explanation")).contains("未达黄色预警阈值10个百分点");
            assertThat(JsonPath.<List<Map<String, Object>>>read(nearMiss, "$.rules[?(@.rule == '进度滞后：完成进度低于时间进度')]"))
                    .singleElement().satisfies(rule -> {
                        assertThat(rule).containsEntry("fired", false).containsEntry("file", "rules/common/judging.drl");
                        assertThat((String) rule.get("condition")).contains("LagThreshold(points <= $s.lag)");
                        @SuppressWarnings("unchecked")
                        Map<String, Object> values = (Map<String, Object>) rule.get("values");
                        assertThat(values).containsEntry("beforeDeadline", true).containsKey("lag");
                        assertThat(((Number) values.get("lag")).doubleValue()).isBetween(6.9, 7.1);
                    });
            assertThat(get("/api/rules/near-miss?indicator=T99-9&asOf=2023-09-30")).hasStatus(HttpStatus.NOT_FOUND);
        }

        @Test
        void checkRunsEveryScenarioAndReportsABrokenUploadWithFileAndLine() {
            String report = body(post("/api/rules/check", ""));
            int scenarios = Scenario.readAll(COPY.rulesDir().resolve("scenarios"), new java.util.ArrayList<>()).size();
            assertThat(JsonPath.<List<Object>>read(report, "$.scenarios")).hasSize(scenarios);
            assertThat(JsonPath.<List<Boolean>>read(report, "$.scenarios[*].passed")).containsOnly(true);
            assertThat(JsonPath.<List<String>>read(report, "$.scenarios[0].expectations[*].actualLevel")).isNotEmpty();

            MvcTestResult broken = post("/api/rules/check", "{\"files\":{\"tasks/t22.drl\":\"package tasks;\\n\\nrule \\\"x\\\"\\nwhen\\nthen\\n  insert(\\n end\\n\"}}");
            assertThat(broken).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(JsonPath.<List<String>>read(body(broken), "$.problems[*].file")).contains("rules/tasks/t22.drl");
        }

        private Map<String, Integer> rowCounts() {
            Map<String, Integer> counts = new TreeMap<>();
            for (String table : List.of("evaluation_run", "early_warning", "warning_event", "assessment", "rule_firing", "rule_activation")) {
                counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single());
            }
            return counts;
        }

        private String evaluate() {
            MvcTestResult result = post("/api/evaluations", "{\"asOf\":\"2023-09-30\"}");
            assertThat(result).hasStatus(HttpStatus.CREATED);
            return body(result);
        }

        /** The level of each indicator in the run's stored judgements (NONE when quiet). */
        private Map<String, String> levels(String run) {
            long runId = ((Number) JsonPath.read(run, "$.runId")).longValue();
            Map<String, String> levels = new TreeMap<>();
            jdbc.sql("SELECT indicator_code, warning_level FROM assessment WHERE run_id = ?")
                    .param(runId).query(rs -> {
                        levels.put(rs.getString(1), rs.getString(2) == null ? "NONE" : rs.getString(2));
                    });
            return levels;
        }

        private MvcTestResult post(String uri, String json) {
            return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        }

        private MvcTestResult get(String uri) {
            return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
        }

        private static String body(MvcTestResult result) {
            return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
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
