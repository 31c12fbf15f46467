package org.duban.review;

import java.util.List;
import java.util.Optional;

import org.duban.assessment.Evaluations;
import org.duban.catalog.PlanCatalog;
import org.duban.notification.Outbox;
import org.duban.rules.RuleSets;
import org.duban.scheduling.Jobs;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 规则与运行: for rule authors and the office, the loaded rules and their errors, the runs, the jobs and the mail outbox. */
@Controller
class RulePages {

    private static final int RUNS = 30;
    private static final int MAILS = 50;

    private final RuleSets ruleSets;
    private final PlanCatalog catalog;
    private final PagePlans plans;
    private final org.duban.access.Accounts accounts;
    private final Evaluations evaluations;
    private final Jobs jobs;
    private final Outbox outbox;

    RulePages(RuleSets ruleSets, PlanCatalog catalog, PagePlans plans, org.duban.access.Accounts accounts, Evaluations evaluations, Jobs jobs, Outbox outbox) {
        this.ruleSets = ruleSets;
        this.catalog = catalog;
        this.plans = plans;
        this.accounts = accounts;
        this.evaluations = evaluations;
        this.jobs = jobs;
        this.outbox = outbox;
    }

    @GetMapping("/rules")
    String rules(@RequestParam("plan") Optional<String> planParam, Authentication user, Model model) throws SchedulerException {
        Optional<org.duban.catalog.Plan> plan = plans.choose(planParam, accounts.of(user));
        model.addAttribute("plan", plan.orElse(null));
        model.addAttribute("ruleSet", plan.flatMap(p -> ruleSets.current(p.code())).orElse(null));
        // where each rule is written: a criteria table's rules by sheet and row
        model.addAttribute("ruleTexts", plan.map(p -> ruleSets.rules(p.code())).orElse(List.of()));
        model.addAttribute("lastLoad", ruleSets.lastLoad());
        model.addAttribute("runs", evaluations.history(RUNS));
        List<Jobs.JobView> jobList = jobs.list();
        model.addAttribute("jobs", jobList);
        model.addAttribute("mails", outbox.latest(MAILS));
        return "review/rules";
    }
}
