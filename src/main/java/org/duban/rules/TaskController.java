package org.duban.rules;

import java.util.List;
import java.util.Optional;

import org.duban.NotFound;
import org.duban.access.Accounts;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's tasks, their departments and criteria. {@code ?plan=} picks the plan; without it, the one
 * plan running (a department: of its region). Another region's plan is not a department's to read.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final PlanCatalog catalog;
    private final RuleSets ruleSets;

    private final Accounts accounts;

    TaskController(PlanCatalog catalog, RuleSets ruleSets, Accounts accounts) {
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.accounts = accounts;
    }

    @GetMapping
    List<TaskView> tasks(@RequestParam Optional<String> plan, Authentication user) {
        Plan chosen = plan(plan, accounts.of(user));
        return catalog.tasks(chosen.code()).stream().map(task -> TaskView.of(task, ruleSets.current(chosen.code()))).toList();
    }

    @GetMapping("/{number}")
    TaskView task(@PathVariable int number, @RequestParam Optional<String> plan, Authentication user) {
        Plan chosen = plan(plan, accounts.of(user));
        return catalog.task(chosen.code(), number)
                .map(task -> TaskView.of(task, ruleSets.current(chosen.code())))
                .orElseThrow(() -> new NotFound("计划 " + chosen.code() + " 中没有第 " + number + " 项任务"));
    }

    private Plan plan(Optional<String> code, Accounts.Account me) {
        return catalog.plan(code, me.region()).orElseThrow(() -> new NotFound(PlanCatalog.missing(code, me.region())));
    }
}
