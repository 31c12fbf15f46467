package org.duban.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.access.Role;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The warning API alone (a web slice, the warnings service mocked): how a request becomes a filter and a
 * viewer, what the JSON says, and how the module's own errors become statuses.
 */
@WebMvcTest(WarningController.class)
@WithMockUser(username = "keji")
class WarningControllerSliceTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Warnings warnings;

    @MockitoBean
    Accounts accounts;

    static final Viewer KEJI = new Viewer("keji", Optional.of("keji"), Optional.of("zhoucun"));

    @BeforeEach
    void aDepartmentAccount() {
        given(accounts.of(any(Authentication.class))).willReturn(new Accounts.Account("keji", "区科技局", List.of(Role.DEPARTMENT), Optional.of("keji"), Optional.of("zhoucun")));
    }

    @Test
    void listsTheDepartmentsWarningsWithEachCause() {
        given(warnings.find(any(Warnings.Filter.class), eq(KEJI))).willReturn(List.of(warning()));

        var response = mvc.get().uri("/api/warnings?level=orange&task=2").exchange();

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$[0].causes").asArray().containsExactly("LAG", "TREND");
        assertThat(response).bodyJson().extractingPath("$[0].cause").isEqualTo("LAG");
        verify(warnings).find(new Warnings.Filter(Optional.empty(), Optional.of(Level.ORANGE), Optional.empty(), Optional.of(2), Optional.empty()), KEJI);
    }

    @Test
    void anUnknownLevelIsABadRequestNamingTheChoices() {
        assertThat(mvc.get().uri("/api/warnings?level=PURPLE")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.detail").asString().contains("level", "PURPLE", "RED");
    }

    @Test
    void anotherDepartmentsWarningIsForbidden() {
        given(warnings.acknowledge(eq(7L), eq(KEJI), any(), any()))
                .willThrow(new WarningProblem(WarningProblem.Kind.FORBIDDEN, "预警 7 不属于本部门的任务"));

        assertThat(mvc.post().uri("/api/warnings/7/acknowledge").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"explanation\":\"不是我们的\"}"))
                .hasStatus(HttpStatus.FORBIDDEN).bodyJson().extractingPath("$.detail").isEqualTo("预警 7 不属于本部门的任务");
        assertThat(mvc.post().uri("/api/warnings/7/acknowledge").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"explanation\":\"不是我们的\"}")).bodyJson().extractingPath("$.title").isEqualTo("无权操作");
    }

    private static Warning warning() {
        return new Warning(1, "zhoucun-2023", 2, "加强关键核心技术攻关", "T02-1", "申报市级以上科技项目", List.of(Cause.LAG, Cause.TREND),
                Level.ORANGE, WarningStatus.OPEN, "进度滞后：完成进度低于时间进度", "申报市级以上科技项目：…（橙色预警）", List.of("区科技局"), List.of(),
                Instant.parse("2023-10-15T00:00:00Z"), Instant.parse("2023-10-15T00:00:00Z"), 3, null, null, null, null, null, null, null);
    }
}
