package org.duban.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.duban.access.Accounts;
import org.duban.access.Accounts.Account;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.rules.facts.Level;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 预警: the list with its filters, one warning with its history (acknowledged or resolved here), and its
 * printable 督办单. A department account sees only its own; another's warning is 403, also by URL.
 */
@Controller
class WarningPages {

    /** Days a department has to reply to a 督办单. */
    static final int REPLY_DAYS = 5;

    private final Warnings warnings;
    private final PlanCatalog catalog;
    private final Accounts accounts;
    private final java.time.Clock clock;

    WarningPages(Warnings warnings, PlanCatalog catalog, Accounts accounts, java.time.Clock clock) {
        this.warnings = warnings;
        this.catalog = catalog;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/warnings")
    String list(@RequestParam Optional<Level> level, @RequestParam Optional<WarningStatus> status, @RequestParam Optional<String> department,
                @RequestParam Optional<Integer> section, @RequestParam Optional<String> plan, Authentication user, Model model) {
        Account me = accounts.of(user);
        List<org.duban.catalog.Plan> visible = catalog.plans().stream().filter(p -> me.seesRegion(p.regionCode())).toList();
        Optional<String> planCode = plan.filter(p -> !p.isBlank());
        // sections are a plan's own: listed and filtered only when one plan is shown
        Optional<org.duban.catalog.Plan> shown = planCode.isPresent()
                ? visible.stream().filter(p -> p.code().equals(planCode.get())).findFirst()
                : visible.size() == 1 ? Optional.of(visible.get(0)) : Optional.empty();
        List<Task> tasks = shown.map(p -> catalog.tasks(p.code())).orElse(List.of());
        List<Integer> inSection = tasks.stream().filter(t -> section.map(s -> t.section() == s).orElse(true)).map(Task::number).toList();
        List<Warning> found = warnings.find(new Warnings.Filter(status, level, department.filter(d -> !d.isBlank()), Optional.empty(), Optional.empty()),
                viewer(me)).stream()
                .filter(w -> planCode.map(w.plan()::equals).orElse(true))
                .filter(w -> section.isEmpty() || (shown.map(p -> p.code().equals(w.plan())).orElse(false) && inSection.contains(w.task())))
                .toList();
        model.addAttribute("warnings", found);
        model.addAttribute("levels", Level.values());
        model.addAttribute("statuses", WarningStatus.values());
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("plans", visible);
        model.addAttribute("sections", tasks.stream().map(t -> java.util.Map.entry(t.section(), t.sectionTitle())).distinct().toList());
        model.addAttribute("filter", new java.util.HashMap<>(java.util.Map.of("level", level.map(Enum::name).orElse(""),
                "status", status.map(Enum::name).orElse(""), "department", department.orElse(""), "section", section.map(String::valueOf).orElse(""))));
        return "warning/list";
    }

    @GetMapping("/warnings/{id}")
    String warning(@PathVariable long id, Authentication user, Model model, HttpServletResponse response) {
        return show(id, user, model, response, "warning/detail");
    }

    @GetMapping("/warnings/{id}/notice")
    String notice(@PathVariable long id, Authentication user, Model model, HttpServletResponse response) {
        model.addAttribute("replyBy", LocalDate.now(clock).plusDays(REPLY_DAYS));
        return show(id, user, model, response, "warning/notice");
    }

    @PostMapping("/warnings/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam String explanation,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedDate,
                       Authentication user, RedirectAttributes flash) {
        try {
            warnings.acknowledge(id, viewer(accounts.of(user)), explanation, promisedDate);
            flash.addFlashAttribute("done", "已确认");
        } catch (WarningProblem problem) {
            refuse(problem);
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/warnings/" + id;
    }

    @PostMapping("/warnings/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String comment, Authentication user, RedirectAttributes flash) {
        try {
            warnings.resolve(id, viewer(accounts.of(user)), comment);
            flash.addFlashAttribute("done", "已解除");
        } catch (WarningProblem problem) {
            refuse(problem);
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/warnings/" + id;
    }

    private String show(long id, Authentication user, Model model, HttpServletResponse response, String view) {
        Account me = accounts.of(user);
        try {
            // history first: it tells a missing warning (404) from another department's (403)
            model.addAttribute("history", warnings.history(id, viewer(me)));
            Warning warning = warnings.find(id, viewer(me)).orElseThrow(() -> new WarningProblem(WarningProblem.Kind.NOT_FOUND, "没有此预警"));
            model.addAttribute("warning", warning);
            model.addAttribute("task", catalog.task(warning.plan(), warning.task()).orElse(null));
            model.addAttribute("mayAcknowledge", me.departmentCode().isPresent() || me.has(org.duban.access.Role.OFFICE));
            model.addAttribute("mayResolve", me.has(org.duban.access.Role.OFFICE));
            return view;
        } catch (WarningProblem problem) {
            refuse(problem);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error/404";
        }
    }

    /** Another department's warning is refused as such (403), not hidden as missing. */
    private void refuse(WarningProblem problem) {
        if (problem.kind() == WarningProblem.Kind.FORBIDDEN) {
            throw new org.springframework.security.access.AccessDeniedException(problem.getMessage());
        }
    }

    private static Viewer viewer(Account me) {
        return Viewer.of(me);
    }
}
