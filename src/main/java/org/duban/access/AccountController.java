package org.duban.access;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

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
            throw new IllegalArgumentException("密码（password）至少 8 位");
        }
        if (body.password().getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("密码（password）过长：bcrypt 只取前 72 字节，最多 72 字节");
        }
        if (body.displayName() != null && (body.displayName().isBlank() || body.displayName().length() > 100)) {
            throw new IllegalArgumentException("显示名称（displayName）应为 1 到 100 字，实为 " + body.displayName().length() + " 字");
        }
        List<Role> roles = body.roles() == null || body.roles().isEmpty() ? List.of(Role.DEPARTMENT) : body.roles();
        if (roles.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("角色（roles）不能为空值，可选 OFFICE、RULE_AUTHOR、DEPARTMENT");
        }
        Optional<Long> department = Optional.empty();
        if (roles.contains(Role.DEPARTMENT)) {
            if (body.department() == null) {
                throw new IllegalArgumentException("部门账号须指定部门编码（department）");
            }
            department = Optional.of(accounts.departmentId(body.department())
                    .orElseThrow(() -> new IllegalArgumentException("未知部门编码 \"" + body.department() + "\"")));
        }
        if (accounts.exists(body.username()) || !accounts.create(body.username(), encoder.encode(body.password()),
                body.displayName() == null ? body.username() : body.displayName().strip(), roles, department)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "账号名 \"" + body.username() + "\" 已存在；账号不会被覆盖");
        }
        return accounts.account(body.username()).orElseThrow();
    }
}
