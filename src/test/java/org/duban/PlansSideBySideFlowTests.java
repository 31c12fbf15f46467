package org.duban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.duban.assessment.Evaluations;
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

/**
 * Three plans in one Duban, on 15 March 2024: zhoucun-2023 still collecting its final figures,
 * zhoucun-2024 just published, and the example district zhangdian-2023 (a second region under
 * zibo, sharing indicator codes such as T01-1 with zhoucun). Nothing may be guessed between them.
 */
class PlansSideBySideFlowTests {

    static final ConfigCopy COPY = new ConfigCopy().withExample("zhangdian").withNextYear();

    @SpringBootTest(properties = {"duban.clock.today=2024-03-15", "duban.demo=false"})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    @Import(TestClock.Configuration.class)
    abstract static class Contract {

        @DynamicPropertySource
        static void folders(DynamicPropertyRegistry registry) {
            COPY.register(registry);
        }

        @Autowired
        MockMvcTester mvc;

        @Autowired
        JdbcClient jdbc;

        @Autowired
        Evaluations evaluations;

        @BeforeEach
        void startFromNoData() {
            for (String table : List.of("warning_event", "early_warning", "rule_firing", "assessment", "evaluation_run", "observation")) {
                jdbc.sql("DELETE FROM " + table).update();
            }
            jdbc.sql("DELETE FROM app_user WHERE username <> 'admin'").update();
        }

        @Test
        void theDailyEvaluationCoversEveryActivePlanEachInItsOwnRun() {
            evaluations.runActive(java.time.LocalDate.of(2024, 3, 15), "定时任务");

            assertThat(jdbc.sql("SELECT p.code FROM evaluation_run r JOIN plan p ON p.id = r.plan_id WHERE r.outcome = 'SUCCEEDED' ORDER BY p.code")
                    .query(String.class).list()).containsExactly("zhangdian-2023", "zhoucun-2023", "zhoucun-2024");
            assertThat(json(get("/api/evaluations?plan=zhangdian-2023", ADMIN), "$[*].plan")).containsExactly("zhangdian-2023");
            // a city sees its districts' runs
            assertThat(json(get("/api/evaluations?region=zibo", ADMIN), "$[*].plan"))
                    .containsExactlyInAnyOrder("zhangdian-2023", "zhoucun-2023", "zhoucun-2024");
            assertThat(json(get("/api/evaluations?region=zhangdian", ADMIN), "$[*].plan")).containsExactly("zhangdian-2023");
            assertThat(get("/api/evaluations?region=shandong", ADMIN)).hasStatus(HttpStatus.BAD_REQUEST);
        }

        @Test
        void aPlanIsNeverGuessedWhenSeveralRun() {
            MvcTestResult tasks = get("/api/tasks", ADMIN);
            assertThat(tasks).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(body(tasks)).contains("zhoucun-2023", "zhoucun-2024", "zhangdian-2023", "请用 plan= 指明");
            assertThat(get("/api/tasks?plan=zhangdian-2023", ADMIN)).hasStatusOk();

            MvcTestResult task4 = get("/api/warnings?task=4", ADMIN);
            assertThat(task4).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(body(task4)).contains("plan=");
            assertThat(get("/api/warnings?task=4&plan=zhoucun-2023", ADMIN)).hasStatusOk();
        }

        @Test
        void anIndicatorCodeSharedByTwoActivePlansMustNameItsPlan() {
            MvcTestResult shared = post("/api/observations", "[{\"indicator\":\"T01-1\",\"date\":\"2024-02-29\",\"value\":2}]", ADMIN);
            assertThat(shared).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(body(shared)).contains("T01-1", "zhoucun-2023", "zhoucun-2024", "请用 plan 指明");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM observation").query(Integer.class).single()).isZero();

            assertThat(post("/api/observations?plan=zhangdian-2023", "[{\"indicator\":\"T01-1\",\"date\":\"2023-12-31\",\"value\":2}]", ADMIN))
                    .hasStatus(HttpStatus.CREATED);
            assertThat(jdbc.sql("""
                    SELECT p.code FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN plan p ON p.id = i.plan_id""")
                    .query(String.class).list()).containsExactly("zhangdian-2023");
            MvcTestResult history = get("/api/observations?indicator=T01-1", ADMIN);
            assertThat(history).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(body(history)).contains("zhangdian-2023", "zhoucun-2023", "zhoucun-2024");
            assertThat(json(get("/api/observations?indicator=T01-1&plan=zhangdian-2023", ADMIN), "$[*].value")).hasSize(1);
        }

        @Test
        void aDepartmentSeesAndSubmitsOnlyItsOwnRegionsData() {
            // both regions have a department coded keji: the account names its region
            assertThat(post("/api/accounts", """
                    {"username":"zd-keji","password":"zd-keji-secret","roles":["DEPARTMENT"],"department":"zhangdian/keji"}""", ADMIN))
                    .hasStatus(HttpStatus.CREATED);
            MvcTestResult ambiguous = post("/api/accounts", """
                    {"username":"keji2","password":"keji2-secret","roles":["DEPARTMENT"],"department":"keji"}""", ADMIN);
            assertThat(ambiguous).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(body(ambiguous)).contains("zhangdian/keji", "zhoucun");
            String zhangdianKeji = Logins.basic("zd-keji", "zd-keji-secret");

            // zhangdian's keji reports T01-1 without naming a plan: its region has one plan running, so it is zhangdian's
            assertThat(post("/api/observations", "[{\"indicator\":\"T01-1\",\"date\":\"2023-12-31\",\"value\":3}]", zhangdianKeji))
                    .hasStatus(HttpStatus.CREATED);
            assertThat(post("/api/observations?plan=zhoucun-2023", "[{\"indicator\":\"T01-1\",\"date\":\"2023-12-31\",\"value\":9}]", zhangdianKeji))
                    .hasStatus(HttpStatus.BAD_REQUEST);

            evaluations.runActive(java.time.LocalDate.of(2024, 3, 15), "定时任务");
            assertThat(json(get("/api/warnings", ADMIN), "$[*].plan")).contains("zhoucun-2023", "zhangdian-2023");
            List<String> seen = json(get("/api/warnings", zhangdianKeji), "$[*].plan");
            assertThat(seen).isNotEmpty().containsOnly("zhangdian-2023");
            assertThat(get("/api/tasks?plan=zhoucun-2023", zhangdianKeji)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(get("/api/tasks", zhangdianKeji)).hasStatusOk(); // its region's one plan, no plan= needed
            assertThat(get("/api/compliance", zhangdianKeji)).hasStatusOk();
            // its region's one plan: the latest run of zhangdian-2023, no plan= needed
            assertThat(json(get("/api/assessments", zhangdianKeji), "$[*].plan")).isNotEmpty().containsOnly("zhangdian-2023");
            MvcTestResult unknownRegion = get("/api/compliance?region=shandong", ADMIN);
            assertThat(unknownRegion).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(body(unknownRegion)).contains("地区 shandong 没有计划");
            assertThat(json(get("/api/compliance", zhangdianKeji), "$.departments[*].code")).containsOnly("keji");
        }

        @Test
        void aPageAsksWhichPlanOrRegionInsteadOfGuessing() {
            for (String page : List.of("/", "/rules", "/bulletin", "/tasks/1")) {
                MvcTestResult chooser = page(page);
                assertThat(chooser).as(page).hasStatusOk();
                assertThat(body(chooser)).as(page).contains("选择计划", page.replaceFirst("^/$", "") + "?plan=zhangdian-2023",
                        "?plan=zhoucun-2023", "?plan=zhoucun-2024");
            }
            MvcTestResult chosen = page("/?plan=zhangdian-2023");
            assertThat(chosen).hasStatusOk();
            assertThat(body(chosen)).contains("张店区 · 张店区2023年重点工作任务").doesNotContain("选择计划");

            // both regions have a department coded keji
            MvcTestResult regions = page("/departments/keji");
            assertThat(regions).hasStatusOk();
            assertThat(body(regions)).contains("选择地区", "/departments/keji?region=zhangdian", "/departments/keji?region=zhoucun");
            assertThat(get("/api/departments/keji/template.xlsx", ADMIN)).hasStatus(HttpStatus.BAD_REQUEST);
            MvcTestResult department = page("/departments/keji?region=zhangdian");
            assertThat(department).hasStatusOk();
            assertThat(body(department)).contains("张店区 · 张店区2023年重点工作任务");
        }

        /** A page as the office's admin sees it (pages take a form login; here the signed-in user is set directly). */
        private MvcTestResult page(String uri) {
            return mvc.get().uri(uri).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                    .user("admin").roles("OFFICE")).exchange();
        }

        private MvcTestResult get(String uri, String auth) {
            return mvc.get().uri(uri).header(HttpHeaders.AUTHORIZATION, auth).exchange();
        }

        private MvcTestResult post(String uri, String json, String auth) {
            return mvc.post().uri(uri).header(HttpHeaders.AUTHORIZATION, auth).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        }

        private static String body(MvcTestResult result) {
            return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        }

        private static List<String> json(MvcTestResult result, String path) {
            assertThat(result).hasStatusOk();
            return JsonPath.read(body(result), path);
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
