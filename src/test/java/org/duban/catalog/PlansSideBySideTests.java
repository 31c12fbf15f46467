package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import java.util.List;
import java.util.Map;

import org.duban.ConfigCopy;
import org.duban.DubanTest;
import org.duban.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Three plans in one Duban: zhoucun-2023 and next year's zhoucun-2024 in one region, and the example
 * region zhangdian's zhangdian-2023 beside them, sharing indicator codes (T01-1, T22-1, T54-2 …) that
 * each plan resolves within itself.
 */
@DubanTest
class PlansSideBySideTests {

    static final ConfigCopy COPY = new ConfigCopy().withExample("zhangdian").withNextYear();

    @DynamicPropertySource
    static void copiedFiles(DynamicPropertyRegistry registry) {
        COPY.register(registry);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    PlanCatalog catalog;

    @Test
    void loadsThreePlansWithTheirOwnRules() {
        assertThat(ruleSets.lastLoad().errors()).isEmpty();
        assertThat(catalog.plans()).extracting(Plan::code).containsExactly("zhangdian-2023", "zhoucun-2024", "zhoucun-2023");
        assertThat(ruleSets.current("zhangdian-2023").orElseThrow().criterion("T22-1").orElseThrow().file()).isEqualTo("rules/zhangdian/t22.drl");
        assertThat(ruleSets.current("zhoucun-2024").orElseThrow().criterion("T22-1").orElseThrow().file()).isEqualTo("rules/tasks2024/t22.drl");
        assertThat(ruleSets.current("zhoucun-2023").orElseThrow().criterion("T22-1").orElseThrow().file()).isEqualTo("rules/tasks/t22.drl");
    }

    @Test
    void listsTheRegionTreeWithEachRegionsPlansAndWhenTheyRun() {
        var response = mvc.get().uri("/api/regions").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$[*].code").asArray().containsExactly("zibo", "zhangdian", "zhoucun");
        assertThat(response).bodyJson().extractingPath("$[0].children").asArray().containsExactly("zhangdian", "zhoucun");
        assertThat(response).bodyJson().extractingPath("$[0].plans").asArray().isEmpty();
        assertThat(response).bodyJson().extractingPath("$[1].parent").isEqualTo("zibo");
        assertThat(response).bodyJson().extractingPath("$[1].plans[0].code").isEqualTo("zhangdian-2023");
        assertThat(response).bodyJson().extractingPath("$[1].plans[0].activeFrom").isEqualTo("2023-05-01");
        assertThat(response).bodyJson().extractingPath("$[1].plans[0].activeUntil").isEqualTo("2024-03-31");
        assertThat(response).bodyJson().extractingPath("$[2].plans[*].code").asArray().containsExactly("zhoucun-2024", "zhoucun-2023");
        // January to March 2024 both Zhoucun plans run: 2024's from publication, 2023's while its final figures arrive
        assertThat(response).bodyJson().extractingPath("$[2].plans[0].activeFrom").isEqualTo("2024-03-01");
        assertThat(response).bodyJson().extractingPath("$[2].plans[1].activeUntil").isEqualTo("2024-03-31");
    }

    @Test
    void servesTheTasksOfTheNamedPlanWithItsOwnMeaningOfASharedCode() {
        var zhangdian = mvc.get().uri("/api/tasks?plan=zhangdian-2023").header(HttpHeaders.AUTHORIZATION, ADMIN);
        var zhoucun = mvc.get().uri("/api/tasks/54?plan=zhoucun-2023").header(HttpHeaders.AUTHORIZATION, ADMIN);
        var nextYear = mvc.get().uri("/api/tasks/22?plan=zhoucun-2024").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(zhangdian).hasStatusOk().bodyJson().extractingPath("$[*].number").asArray().containsExactly(1, 3, 22, 30, 32, 54);
        assertThat(zhangdian).bodyJson().extractingPath("$[?(@.number == 22)].indicators[0].target").asArray().containsExactly(1000);
        assertThat(zhangdian).bodyJson().extractingPath("$[?(@.number == 54)].indicators[1].kind").asArray().containsExactly("RATE");
        assertThat(zhoucun).bodyJson().extractingPath("$.indicators[1].code").isEqualTo("T54-2");
        assertThat(zhoucun).bodyJson().extractingPath("$.indicators[1].kind").isEqualTo("ADDITION");
        assertThat(nextYear).bodyJson().extractingPath("$.indicators[0].target").isEqualTo(720);
        assertThat(nextYear).bodyJson().extractingPath("$.indicators[0].deadline").isEqualTo("2024-12-31");
    }

    @Test
    void guessesNoPlanWhenNoneIsNamed() {
        assertThat(mvc.get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("zhangdian-2023", "zhoucun-2024", "zhoucun-2023", "plan=");
    }

    @Test
    void listsARegionsDepartmentsOnceWithTheTasksOfItsOnlyPlan() {
        var response = mvc.get().uri("/api/departments?region=zhangdian").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$[*].code").asArray()
                .containsExactly("keji", "fagai", "renshe", "shengtai", "zhujian", "shuili");
        assertThat(response).bodyJson().extractingPath("$[*].region").asArray().containsOnly("zhangdian");
        assertThat(response).bodyJson().extractingPath("$[*].plan").asArray().containsOnly("zhangdian-2023");
        assertThat(response).bodyJson().extractingPath("$[?(@.code == 'keji')].leads[*].number").asArray().containsExactly(1, 3);
        assertThat(response).bodyJson().extractingPath("$[?(@.code == 'fagai')].joins[*].number").asArray().containsExactly(1, 54);
    }

    @Test
    void namesNoTasksForARegionOfSeveralPlansUnlessThePlanIsNamed() {
        var unnamed = mvc.get().uri("/api/departments?region=zhoucun").header(HttpHeaders.AUTHORIZATION, ADMIN);
        var named = mvc.get().uri("/api/departments?plan=zhoucun-2024").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(unnamed).hasStatusOk().bodyJson().extractingPath("$[?(@.code == 'keji')].plan").asArray().containsExactly((Object) null);
        assertThat(unnamed).bodyJson().extractingPath("$[?(@.code == 'keji')].leads").asArray().containsExactly((Object) null);
        assertThat(named).hasStatusOk().bodyJson().extractingPath("$[*].region").asArray().containsOnly("zhoucun");
        assertThat(named).bodyJson().extractingPath("$[?(@.code == 'keji')].leads[*].number").asArray().containsExactly(1, 2, 3, 6);
    }

    @Test
    void listsEveryDepartmentOfEveryRegionOnce() {
        var response = mvc.get().uri("/api/departments").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();

        assertThat(response).hasStatusOk();
        List<Map<String, Object>> departments = rows(response);
        assertThat(departments).hasSize(catalog.departments().size());
        assertThat(departments).extracting(d -> d.get("region") + "/" + d.get("code")).doesNotHaveDuplicates()
                .contains("zhangdian/keji", "zhoucun/keji");
    }

    @Test
    void refusesAPlanOfAnotherRegionAndAnUnknownRegion() {
        assertThat(mvc.get().uri("/api/departments?region=zhangdian&plan=zhoucun-2023").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.detail").isEqualTo("计划 zhoucun-2023 属于地区 zhoucun，不属于 zhangdian");
        assertThat(mvc.get().uri("/api/departments?region=boshan").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail").isEqualTo("没有地区 boshan");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(org.springframework.test.web.servlet.assertj.MvcTestResult response) {
        try {
            return new tools.jackson.databind.json.JsonMapper().readValue(response.getResponse().getContentAsString(), List.class);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
