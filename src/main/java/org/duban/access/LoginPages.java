package org.duban.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login form, and a user changing their own password. */
@Controller
class LoginPages {

    static final int MIN_PASSWORD = 8;

    private final Accounts accounts;
    private final PasswordEncoder encoder;

    LoginPages(Accounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @GetMapping("/login")
    String login() {
        return "access/login";
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "access/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam String current, @RequestParam String password, @RequestParam String repeat,
                          Authentication user, Model model) {
        String hash = accounts.passwordHash(user.getName()).orElse("");
        if (!encoder.matches(current, hash)) {
            model.addAttribute("problem", "当前密码不对");
        } else if (password.length() < MIN_PASSWORD) {
            model.addAttribute("problem", "新密码至少 " + MIN_PASSWORD + " 位");
        } else if (!password.equals(repeat)) {
            model.addAttribute("problem", "两次输入的新密码不一致");
        } else {
            accounts.changePassword(user.getName(), encoder.encode(password));
            model.addAttribute("done", "密码已修改，下次登录请使用新密码");
        }
        return "access/password";
    }
}
