package org.duban.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.duban.DubanTest;
import org.duban.Logins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Everything but health and login needs an account; rules are changed only by rule authors. */
@DubanTest
class SecurityTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void healthIsOpenAndShowsTheDatabase() {
        var response = mvc.get().uri("/actuator/health");

        assertThat(response).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(response).bodyJson().extractingPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void theApiAnswers401WithoutCredentialsOrWithAWrongPassword() {
        assertThat(mvc.get().uri("/api/tasks")).hasStatus(HttpStatus.UNAUTHORIZED).hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Duban\"");
        assertThat(mvc.get().uri("/api/tasks").header(HttpHeaders.AUTHORIZATION, Logins.basic("admin", "wrong"))).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theAdminPasswordComesFromTheSetting() {
        assertThat(mvc.get().uri("/api/tasks/1").header(HttpHeaders.AUTHORIZATION, Logins.basic("admin", "test-admin-secret"))).hasStatusOk();
    }

    @Test
    void pagesRedirectABrowserToTheLoginPage() {
        assertThat(mvc.get().uri("/").accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.FOUND).hasHeader(HttpHeaders.LOCATION, "/login");
        assertThat(mvc.get().uri("/login")).hasStatusOk();
        var landing = mvc.get().uri("/").header(HttpHeaders.AUTHORIZATION, org.duban.Logins.ADMIN).exchange();
        assertThat(landing).hasStatusOk();
        assertThat(new String(landing.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("督办 · 重点工作任务预警", "总览");
    }

    @Test
    void onlyRuleAuthorsReloadRules() {
        accounts.save("keji", encoder.encode("keji-secret"), "区科技局", List.of(Role.DEPARTMENT), Optional.empty());
        accounts.save("office", encoder.encode("office-secret"), "督办室", List.of(Role.OFFICE), Optional.empty());

        assertThat(mvc.post().uri("/api/rules/reload").header(HttpHeaders.AUTHORIZATION, Logins.basic("keji", "keji-secret"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/rules/reload").header(HttpHeaders.AUTHORIZATION, Logins.basic("office", "office-secret"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/rules/reload").header(HttpHeaders.AUTHORIZATION, Logins.basic("admin", "test-admin-secret"))).hasStatusOk();
    }

}
