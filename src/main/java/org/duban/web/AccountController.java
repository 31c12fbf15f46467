package org.duban.web;

import java.util.List;
import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.access.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The office creates accounts: department accounts are bound to one department. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    record NewAccount(String username, String password, String displayName, List<Role> roles, String department) {
    }

    private final Accounts accounts;
    private final PasswordEncoder encoder;

    AccountController(Accounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @GetMapping
    List<Accounts.Account> all() {
        return accounts.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Accounts.Account create(@RequestBody NewAccount body) {
        if (body.username() == null || !body.username().matches("[A-Za-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("账号名应为 2 到 64 个字母、数字、点、横线或下划线");
        }
        if (body.password() == null || body.password().length() < 8) {
            throw new IllegalArgumentException("密码至少 8 位");
        }
        List<Role> roles = body.roles() == null || body.roles().isEmpty() ? List.of(Role.DEPARTMENT) : body.roles();
        Optional<Long> department = Optional.empty();
        if (roles.contains(Role.DEPARTMENT)) {
            if (body.department() == null) {
                throw new IllegalArgumentException("部门账号须指定部门编码（department）");
            }
            department = Optional.of(accounts.departmentId(body.department())
                    .orElseThrow(() -> new IllegalArgumentException("未知部门编码 \"" + body.department() + "\"")));
        }
        accounts.save(body.username(), encoder.encode(body.password()),
                body.displayName() == null ? body.username() : body.displayName(), roles, department);
        return accounts.account(body.username()).orElseThrow();
    }
}
