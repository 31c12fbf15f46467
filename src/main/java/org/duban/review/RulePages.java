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
import org.springframework.web.bind.annotation.GetMapping;

/** 规则与运行: for rule authors and the office, the loaded rules and their errors, the runs, the jobs and the mail outbox. */
@Controller
class RulePages {

    private static final int RUNS = 30;
    private static final int MAILS = 50;

    private final RuleSets ruleSets;
    private final PlanCatalog catalog;
    private final Evaluations evaluations;
    private final Jobs jobs;
    private final Outbox outbox;

    RulePages(RuleSets ruleSets, PlanCatalog catalog, Evaluations evaluations, Jobs jobs, Outbox outbox) {
        this.ruleSets = ruleSets;
        this.catalog = catalog;
        this.evaluations = evaluations;
        this.jobs = jobs;
        this.outbox = outbox;
    }

    @GetMapping("/rules")
    String rules(Model model) throws SchedulerException {
        Optional<String> plan = catalog.plan(Optional.empty()).map(p -> p.code());
        model.addAttribute("ruleSet", plan.flatMap(ruleSets::current).orElse(null));
        // where each rule is written: a criteria table's rules by sheet and row
        model.addAttribute("ruleTexts", plan.map(ruleSets::rules).orElse(List.of()));
        model.addAttribute("lastLoad", ruleSets.lastLoad());
        model.addAttribute("runs", evaluations.history(RUNS));
        List<Jobs.JobView> jobList = jobs.list();
        model.addAttribute("jobs", jobList);
        model.addAttribute("mails", outbox.latest(MAILS));
        return "review/rules";
    }
}
