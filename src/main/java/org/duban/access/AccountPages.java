package org.duban.access;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office manages the accounts: creates them, sets roles and department, resets passwords, disables. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final PasswordEncoder encoder;

    AccountPages(Accounts accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @GetMapping("/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("disabled", accounts.disabled());
        model.addAttribute("roles", Role.values());
        model.addAttribute("departments", accounts.departments());
        return "access/accounts";
    }

    @PostMapping("/accounts")
    String create(@RequestParam String username, @RequestParam String password, @RequestParam Optional<String> displayName,
                  @RequestParam(defaultValue = "") List<Role> roles, @RequestParam Optional<String> department, RedirectAttributes flash) {
        Optional<Long> departmentId = department.filter(d -> !d.isBlank()).flatMap(accounts::departmentId);
        String problem = username.isBlank() || username.length() > 50 ? "账号名须为 1–50 个字符"
                : password.length() < LoginPages.MIN_PASSWORD ? "初始密码至少 " + LoginPages.MIN_PASSWORD + " 位"
                : roles.isEmpty() ? "至少选择一个角色"
                : roles.contains(Role.DEPARTMENT) && departmentId.isEmpty() ? "部门账号须选择所属部门"
                : null;
        if (problem == null && !accounts.create(username.strip(), encoder.encode(password), displayName.filter(n -> !n.isBlank()).orElse(username),
                roles, departmentId)) {
            problem = "账号 " + username + " 已存在，未作改动";
        }
        flash.addFlashAttribute(problem == null ? "done" : "problem", problem == null ? "已创建账号 " + username : problem);
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{username}/roles")
    String assign(@PathVariable String username, @RequestParam(defaultValue = "") List<Role> roles, @RequestParam Optional<String> department,
                  RedirectAttributes flash) {
        Optional<Long> departmentId = department.filter(d -> !d.isBlank()).flatMap(accounts::departmentId);
        if (roles.isEmpty() || roles.contains(Role.DEPARTMENT) && departmentId.isEmpty()) {
            flash.addFlashAttribute("problem", "至少选择一个角色；部门账号须选择所属部门");
        } else {
            accounts.assign(username, roles, departmentId);
            flash.addFlashAttribute("done", "已修改 " + username + " 的角色：" + String.join("、", roles.stream().map(Role::chinese).toList()));
        }
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{username}/password")
    String reset(@PathVariable String username, @RequestParam String password, RedirectAttributes flash) {
        if (password.length() < LoginPages.MIN_PASSWORD) {
            flash.addFlashAttribute("problem", "新密码至少 " + LoginPages.MIN_PASSWORD + " 位");
        } else {
            accounts.changePassword(username, encoder.encode(password));
            flash.addFlashAttribute("done", "已重置 " + username + " 的密码");
        }
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, Authentication user, RedirectAttributes flash) {
        if (!enabled && username.equals(user.getName())) {
            flash.addFlashAttribute("problem", "不能停用自己的账号");
        } else {
            accounts.setEnabled(username, enabled);
            flash.addFlashAttribute("done", (enabled ? "已启用 " : "已停用 ") + username);
        }
        return "redirect:/accounts";
    }

}
