package org.duban.rules;

import java.util.List;
import java.util.Optional;

import org.duban.NotFound;
import org.duban.access.Accounts;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The plan's tasks, their departments and criteria. {@code ?plan=} picks a plan; default the latest. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final PlanCatalog catalog;
    private final RuleSets ruleSets;

    TaskController(PlanCatalog catalog, RuleSets ruleSets) {
        this.catalog = catalog;
        this.ruleSets = ruleSets;
    }

    @GetMapping
    List<TaskView> tasks(@RequestParam Optional<String> plan) {
        Plan chosen = plan(plan);
        return catalog.tasks(chosen.code()).stream().map(task -> TaskView.of(task, ruleSets.current(chosen.code()))).toList();
    }

    @GetMapping("/{number}")
    TaskView task(@PathVariable int number, @RequestParam Optional<String> plan) {
        Plan chosen = plan(plan);
        return catalog.task(chosen.code(), number)
                .map(task -> TaskView.of(task, ruleSets.current(chosen.code())))
                .orElseThrow(() -> new NotFound("计划 " + chosen.code() + " 中没有第 " + number + " 项任务"));
    }

    private Plan plan(Optional<String> code) {
        return catalog.plan(code).orElseThrow(() -> new NotFound(PlanCatalog.missing(code)));
    }
}
