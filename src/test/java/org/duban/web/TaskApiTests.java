package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;


import org.duban.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The plan through the JSON API, as a client sees it. */
@DubanTest
class TaskApiTests {


    @Autowired
    MockMvcTester mvc;

    @Test
    void servesAll65TasksEachWithDepartmentsAndADeadline() {
        var response = mvc.get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(65);
        assertThat(response).bodyJson().extractingPath("$[*].leadDepartments[0]").asArray().hasSize(65).doesNotContainNull();
        assertThat(response).bodyJson().extractingPath("$[*].indicators[*].deadline").asArray().hasSize(142).containsOnly("2023-12-31");
    }

    @Test
    void servesOneTaskWithItsCriteria() {
        var response = mvc.get().uri("/api/tasks/54").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$.title").isEqualTo("促进居民就业和增收");
        assertThat(response).bodyJson().extractingPath("$.leadDepartments").asArray().containsExactly("区发展改革局", "区人力资源社会保障局");
        assertThat(response).bodyJson().extractingPath("$.coDepartments").asArray().containsExactly("区委组织部", "区退役军人局", "区税务局");
        assertThat(response).bodyJson().extractingPath("$.indicators[0].code").isEqualTo("T54-1");
        assertThat(response).bodyJson().extractingPath("$.indicators[0].comparator").isEqualTo("AT_LEAST");
        assertThat(response).bodyJson().extractingPath("$.indicators[0].target").isEqualTo(4000);
        assertThat(response).bodyJson().extractingPath("$.indicators[0].unit").isEqualTo("人");
        assertThat(response).bodyJson().extractingPath("$.indicators[0].kind").isEqualTo("ADDITION");
        assertThat(response).bodyJson().extractingPath("$.indicators[2].target").isEqualTo(85);
    }

    @Test
    void milestonesAndTheWaterSectionHaveNoNumericTarget() {
        var water = mvc.get().uri("/api/tasks/27").header(HttpHeaders.AUTHORIZATION, ADMIN);
        var road = mvc.get().uri("/api/tasks/21").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(water).bodyJson().extractingPath("$.indicators[0].comparator").isEqualTo("BETTER_THAN");
        assertThat(water).bodyJson().extractingPath("$.indicators[0].target").isNull();
        assertThat(water).bodyJson().extractingPath("$.indicators[0].targetText").isEqualTo("Ⅴ");
        assertThat(road).bodyJson().extractingPath("$.indicators[0].kind").isEqualTo("MILESTONE");
        assertThat(road).bodyJson().extractingPath("$.indicators[0].target").isNull();
        assertThat(road).bodyJson().extractingPath("$.indicators[0].deadline").isEqualTo("2023-12-31");
    }

    @Test
    void anUnknownTaskIsA404InChinese() {
        assertThat(mvc.get().uri("/api/tasks/66").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .hasStatus(HttpStatus.NOT_FOUND).bodyJson().extractingPath("$.detail").isEqualTo("计划 zhoucun-2023 中没有第 66 项任务");
    }

    @Test
    void listsDepartmentsWithTheTasksTheyLeadAndJoin() {
        var response = mvc.get().uri("/api/departments").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$[?(@.name == '区科技局')].leads[*].number").asArray().containsExactly(1, 2, 3, 6);
        assertThat(response).bodyJson().extractingPath("$[?(@.name == '区科技局')].joins[*].number").asArray().containsExactly(4, 5);
        assertThat(response).bodyJson().extractingPath("$[?(@.name == '各相关部门')].leads[*].number").asArray().containsExactly(64, 65);
    }

    @Test
    void showsTheLoadedRuleSet() throws java.io.IOException {
        long drlFiles;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("rules"))) {
            drlFiles = files.filter(f -> f.toString().endsWith(".drl")).count();
        }
        var response = mvc.get().uri("/api/rules").header(HttpHeaders.AUTHORIZATION, ADMIN);

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$.version").asString().hasSize(16);
        assertThat(response).bodyJson().extractingPath("$.files.length()").isEqualTo((int) drlFiles);
        assertThat(response).bodyJson().extractingPath("$.errors").asArray().isEmpty();
        assertThat(response).bodyJson().extractingPath("$.files[?(@.path == 'rules/tasks/t22.drl')].rules[0]").asArray()
                .containsExactly("T22-1 新增新能源汽车充电桩不少于720个");
    }
}
