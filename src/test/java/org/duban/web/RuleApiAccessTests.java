package org.duban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.duban.DubanTest;
import org.duban.Logins;
import org.duban.access.Accounts;
import org.duban.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The loaded rules and the errors of the last load are for the office and rule authors, not departments. */
@DubanTest
class RuleApiAccessTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void aDepartmentAccountMayNotReadTheRules() {
        accounts.save("huanbao", encoder.encode("huanbao-secret"), "区环保局", List.of(Role.DEPARTMENT), Optional.empty());
        accounts.save("author", encoder.encode("author-secret"), "规则作者", List.of(Role.RULE_AUTHOR), Optional.empty());

        assertThat(mvc.get().uri("/api/rules").header(HttpHeaders.AUTHORIZATION, Logins.basic("huanbao", "huanbao-secret")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/rules").header(HttpHeaders.AUTHORIZATION, Logins.basic("author", "author-secret"))).hasStatusOk();
        assertThat(mvc.get().uri("/api/rules").header(HttpHeaders.AUTHORIZATION, Logins.ADMIN)).hasStatusOk();
    }
}
