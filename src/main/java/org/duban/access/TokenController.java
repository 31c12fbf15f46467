package org.duban.access;

import java.util.List;
import java.util.Optional;

import org.duban.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The office issues and revokes API tokens (office only, security configuration); a secret is shown once. */
@RestController
@RequestMapping("/api/tokens")
class TokenController {

    record NewToken(String name, String username, String department) {
    }

    private final ApiTokens tokens;

    TokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Issued issue(@RequestBody NewToken body, Authentication user) {
        return tokens.issue(body.name(), Optional.ofNullable(body.username()).filter(s -> !s.isBlank()),
                Optional.ofNullable(body.department()).filter(s -> !s.isBlank()), user.getName());
    }

    @GetMapping
    List<ApiTokens.Token> all() {
        return tokens.all();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Authentication user) {
        if (!tokens.revoke(id, user.getName())) {
            throw new NotFound("没有编号为 " + id + " 的令牌");
        }
    }
}
