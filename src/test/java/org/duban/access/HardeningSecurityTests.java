package org.duban.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.duban.DubanTest;
import org.duban.Logins;
import org.duban.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.jayway.jsonpath.JsonPath;

/** Cross-site requests, password guessing and per-department tokens. */
@DubanTest
class HardeningSecurityTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    TestClock clock;

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefusedWhateverItsCredentials() {
        // an as-of day outside the plan is a 400 once past the origin check: cheap proof that the request got through
        String body = "{\"asOf\":\"1900-01-01\"}";
        assertThat(mvc.post().uri("/api/evaluations").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Origin", "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.FORBIDDEN).bodyText().contains("跨站");
        assertThat(mvc.post().uri("/api/jobs/evaluation/run").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Origin", "http://localhost:8081"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/rules/reload").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Referer", "https://evil.example/page"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/observations/import").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Origin", "null")
                .multipart().file(new MockMultipartFile("file", "a.csv", "text/csv", "指标编码,日期,数值\n".getBytes()))).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(mvc.post().uri("/api/evaluations").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Origin", "http://localhost")
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post().uri("/api/evaluations").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/tasks/1").header(HttpHeaders.AUTHORIZATION, ADMIN).header("Origin", "https://evil.example")).hasStatusOk();
    }

    @Test
    void theEleventhLoginAfterTenWrongPasswordsIsRefusedUntilTheOfficeLiftsIt() {
        accounts.save("guess-a", encoder.encode("right-secret"), "被猜的账号", List.of(Role.OFFICE), Optional.empty());
        lockOut("guess-a");

        var refused = tasks("guess-a", "right-secret");
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(800L, 900L);
        assertThat(mvc.get().uri("/api/logins/locked").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                .bodyJson().extractingPath("$[*].username").asArray().contains("guess-a");
        assertThat(mvc.post().uri("/api/logins/unlock").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"guess-a\"}")).hasStatusOk().bodyJson().extractingPath("$.lifted").isEqualTo(1);
        assertThat(tasks("guess-a", "right-secret")).hasStatusOk();
    }

    @Test
    void aLockEndsAfterFifteenMinutesOfClockTime() {
        accounts.save("guess-b", encoder.encode("right-secret"), "被猜的账号", List.of(Role.OFFICE), Optional.empty());
        lockOut("guess-b");
        clock.advance(Duration.ofMinutes(14));
        assertThat(tasks("guess-b", "right-secret")).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(tasks("guess-b", "right-secret")).hasStatusOk();
    }

    @Test
    void theLoginFormIsThrottledToo() {
        accounts.save("guess-c", encoder.encode("right-secret"), "被猜的账号", List.of(Role.OFFICE), Optional.empty());
        for (int i = 0; i < LoginThrottle.LIMIT; i++) {
            assertThat(mvc.post().uri("/login").with(csrf()).param("username", "guess-c").param("password", "wrong-" + i))
                    .hasStatus(HttpStatus.FOUND);
        }
        assertThat(mvc.post().uri("/login").with(csrf()).param("username", "guess-c").param("password", "right-secret"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyText().contains("登录已锁定", "返回登录页");
    }

    @Test
    void aDepartmentTokenSeesItsOwnIsRefusedAnothersAndStopsWhenRevoked() throws Exception {
        var issued = mvc.post().uri("/api/tokens").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"department\":\"keji\",\"name\":\"科技局报送脚本\"}").exchange();
        assertThat(issued).hasStatus(HttpStatus.CREATED);
        String body = issued.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String secret = JsonPath.read(body, "$.secret");
        int id = JsonPath.read(body, "$.token.id");
        String bearer = "Bearer " + secret;

        assertThat(mvc.get().uri("/api/observations?indicator=T01-1").header(HttpHeaders.AUTHORIZATION, bearer)).hasStatusOk();
        assertThat(mvc.get().uri("/api/observations?indicator=T22-1").header(HttpHeaders.AUTHORIZATION, bearer)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post().uri("/api/observations").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .content("[{\"indicator\":\"T22-1\",\"date\":\"2023-09-30\",\"value\":1}]")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].message").asString().startsWith("无权报送指标 T22-1");
        assertThat(mvc.post().uri("/api/observations").header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .content("[{\"indicator\":\"T01-1\",\"date\":\"2023-08-31\",\"value\":1}]")).hasStatus(HttpStatus.CREATED);
        assertThat(mvc.get().uri("/api/tokens").header(HttpHeaders.AUTHORIZATION, bearer)).hasStatus(HttpStatus.FORBIDDEN);

        var listed = mvc.get().uri("/api/tokens").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange();
        assertThat(listed).hasStatusOk().bodyText().doesNotContain(secret).contains("科技局报送脚本");
        assertThat(mvc.delete().uri("/api/tokens/" + id).header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.get().uri("/api/observations?indicator=T01-1").header(HttpHeaders.AUTHORIZATION, bearer)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/api/tasks/1").header(HttpHeaders.AUTHORIZATION, "Bearer dbt_guessed")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private void lockOut(String username) {
        for (int i = 0; i < LoginThrottle.LIMIT; i++) {
            assertThat(tasks(username, "wrong-" + i)).hasStatus(HttpStatus.UNAUTHORIZED);
        }
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult tasks(String username, String password) {
        return mvc.get().uri("/api/tasks/1").header(HttpHeaders.AUTHORIZATION, Logins.basic(username, password)).exchange();
    }
}
