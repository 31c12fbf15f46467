package org.duban.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.duban.DubanClock;
import org.duban.access.Accounts;
import org.duban.access.Accounts.Account;
import org.duban.assessment.EvaluationRun;
import org.duban.assessment.Evaluations;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.collection.Compliance;
import org.duban.rules.facts.Level;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.WarningStatus;
import org.duban.warning.Warnings;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 总览: where the plan stands today. A department sees its own tasks and warnings; the office sees all and the ranking. */
@Controller
class OverviewPages {

    private final PlanCatalog catalog;
    private final PagePlans plans;
    private final Warnings warnings;
    private final Compliance compliance;
    private final Evaluations evaluations;
    private final WallChart wallChart;
    private final Ranking ranking;
    private final Accounts accounts;
    private final DubanClock clock;

    OverviewPages(PlanCatalog catalog, PagePlans plans, Warnings warnings, Compliance compliance, Evaluations evaluations, WallChart wallChart,
                  Ranking ranking, Accounts accounts, DubanClock clock) {
        this.catalog = catalog;
        this.plans = plans;
        this.warnings = warnings;
        this.compliance = compliance;
        this.evaluations = evaluations;
        this.wallChart = wallChart;
        this.ranking = ranking;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/")
    String overview(@RequestParam("plan") Optional<String> planParam, Authentication user, Model model) {
        Account me = accounts.of(user);
        Optional<Plan> plan = plans.choose(planParam, me);
        model.addAttribute("otherPlans", plans.visible(me).stream().filter(p -> plan.map(chosen -> !chosen.equals(p)).orElse(true)).toList());
        model.addAttribute("today", clock.today());
        if (plan.isEmpty()) {
            return "review/overview";
        }
        List<Warning> open = openWarnings(me, plan.get());
        // keyed by the level's name: SpEL indexes a map with the name, not the enum
        Map<String, Long> byLevel = new java.util.HashMap<>();
        for (Level level : Level.values()) {
            byLevel.put(level.name(), open.stream().filter(w -> w.level() == level).count());
        }
        Map<String, Map<String, Integer>> byDepartment = new TreeMap<>();
        open.forEach(w -> w.leadDepartments().forEach(d ->
                byDepartment.computeIfAbsent(d, k -> new java.util.HashMap<>()).merge(w.level().name(), 1, Integer::sum)));
        Compliance.Report report = compliance.report(Optional.of(plan.get().code()), clock.today(), me.departmentCode());
        model.addAttribute("plan", plan.get());
        model.addAttribute("levels", Level.values());
        model.addAttribute("byLevel", byLevel);
        model.addAttribute("byDepartment", byDepartment);
        model.addAttribute("compliance", report);
        model.addAttribute("sections", WallChart.bySection(wallChart.rows(plan.get(),
                task -> me.departmentCode().map(task::involves).orElse(true))));
        model.addAttribute("lastRun", evaluations.fullRuns(20).stream().filter(r -> r.plan().equals(plan.get().code())).findFirst()
                .orElse(null));
        model.addAttribute("lastSucceeded", evaluations.fullRuns(50).stream()
                .filter(r -> r.plan().equals(plan.get().code()) && r.outcome() == EvaluationRun.Outcome.SUCCEEDED).findFirst().orElse(null));
        if (Scope.office(me)) {
            model.addAttribute("ranking", ranking.rank(report, open));
        }
        return "review/overview";
    }

    private List<Warning> openWarnings(Account me, Plan plan) {
        Viewer viewer = Viewer.of(me);
        return warnings.find(Warnings.Filter.all().inPlan(plan.code()), viewer).stream().filter(w -> w.status() != WarningStatus.RESOLVED).toList();
    }
}
