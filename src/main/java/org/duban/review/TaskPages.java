package org.duban.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.duban.access.Accounts;
import org.duban.access.Accounts.Account;
import org.duban.assessment.AssessmentLog;
import org.duban.assessment.FiringLog;
import org.duban.catalog.Indicator;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Observations;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.Warnings;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PathVariable;

import tools.jackson.databind.json.JsonMapper;

/** 任务: one task with its departments, each indicator's standing and chart, its warnings, why (or why not), and the firings behind. */
@Controller
class TaskPages {

    /** One indicator's row: its last judgement (null before any run) and its chart as JSON. */
    record IndicatorRow(Indicator indicator, AssessmentLog.Entry judged, String chart) {
    }

    private static final int FIRINGS_PER_WARNING = 30;

    private final PlanCatalog catalog;
    private final PagePlans plans;
    private final AssessmentLog assessments;
    private final Observations observations;
    private final RuleSets ruleSets;
    private final Warnings warnings;
    private final FiringLog firings;
    private final Accounts accounts;
    private final JsonMapper json;

    TaskPages(PlanCatalog catalog, PagePlans plans, AssessmentLog assessments, Observations observations, RuleSets ruleSets, Warnings warnings,
              FiringLog firings, Accounts accounts, JsonMapper json) {
        this.catalog = catalog;
        this.plans = plans;
        this.assessments = assessments;
        this.observations = observations;
        this.ruleSets = ruleSets;
        this.warnings = warnings;
        this.firings = firings;
        this.accounts = accounts;
        this.json = json;
    }

    @GetMapping("/tasks/{number}")
    String task(@PathVariable int number, @RequestParam("plan") Optional<String> planParam, Authentication user, Model model,
                HttpServletResponse response) {
        Account me = accounts.of(user);
        Optional<Plan> plan = plans.choose(planParam, me);
        Optional<Task> found = plan.flatMap(p -> catalog.task(p.code(), number));
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error/404";
        }
        Task task = found.get();
        Scope.task(me, plan.get(), task);
        String planCode = plan.get().code();
        List<Indicator> indicators = new ArrayList<>(task.indicators());
        catalog.tasks(planCode).forEach(other -> other.indicators().stream()
                .filter(i -> task.sharedIndicators().contains(i.code())).forEach(indicators::add));
        Map<String, AssessmentLog.Entry> judged = new LinkedHashMap<>();
        assessments.find(Optional.empty(), Optional.of(planCode), Optional.empty(), Optional.empty()).stream()
                .filter(e -> task.measuredBy(e.indicator())).forEach(e -> judged.put(e.indicator(), e));
        Optional<RuleSet> rules = ruleSets.current(planCode);
        List<IndicatorRow> rows = indicators.stream().map(indicator -> new IndicatorRow(indicator, judged.get(indicator.code()),
                json.writeValueAsString(IndicatorChart.of(indicator, plan.get().year(), observations.history(planCode, indicator.code()),
                        rules.flatMap(r -> r.criterion(indicator.code())).map(RuleSet.StatedCriterion::criterion))))).toList();
        List<Warning> taskWarnings = warnings.find(new Warnings.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(number),
                Optional.empty()).inPlan(planCode), Viewer.of(me));
        Map<Long, List<FiringLog.Entry>> behind = new LinkedHashMap<>();
        // a department sees why its own warning fired, so the firings behind it are shown to every role that sees the warning
        taskWarnings.forEach(w -> behind.put(w.id(), firings.find(w.lastRunId(), null, null, w.indicator(), 0, FIRINGS_PER_WARNING).items()));
        model.addAttribute("plan", plan.get());
        model.addAttribute("task", task);
        model.addAttribute("rows", rows);
        model.addAttribute("warnings", taskWarnings);
        model.addAttribute("firings", behind);
        return "review/task";
    }
}
