package org.duban.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.duban.NotFound;
import org.duban.access.Accounts;
import org.duban.DubanClock;
import org.duban.assessment.EvaluationRun;
import org.duban.assessment.Evaluations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Running an evaluation now (any past day of the plan year can be replayed) and the run history. */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

    record Request(LocalDate asOf, String plan) {
    }

    record RunView(long runId, String plan, LocalDate asOf, String ruleSetVersion, EvaluationRun.Outcome outcome, Integer firings,
                   Integer warningsRaised, Integer warningsResolved, List<WarningView> warnings) {
    }

    private final Evaluations evaluations;
    private final Warnings warnings;
    private final Accounts accounts;
    private final DubanClock clock;

    EvaluationController(Evaluations evaluations, Warnings warnings, Accounts accounts, DubanClock clock) {
        this.clock = clock;
        this.evaluations = evaluations;
        this.warnings = warnings;
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RunView run(@RequestBody Request request, Authentication user) {
        LocalDate asOf = request == null || request.asOf() == null ? clock.today() : request.asOf();
        EvaluationRun run = evaluations.run(Optional.ofNullable(request == null ? null : request.plan()), asOf, user.getName());
        return view(run, Viewer.of(accounts.of(user)));
    }

    @GetMapping
    List<EvaluationRun> history(@RequestParam(defaultValue = "50") int limit, @RequestParam Optional<String> plan,
                                @RequestParam Optional<String> region) {
        return evaluations.history(Math.max(1, Math.min(limit, 500)), new org.duban.assessment.PlanFilter(plan, region));
    }

    @GetMapping("/{runId}")
    RunView run(@PathVariable long runId, Authentication user) {
        return view(evaluations.find(runId).orElseThrow(() -> new NotFound("没有编号为 " + runId + " 的评估")), Viewer.of(accounts.of(user)));
    }

    private RunView view(EvaluationRun run, Viewer viewer) {
        List<Warning> active = warnings.find(new Warnings.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(run.runId())), viewer);
        return new RunView(run.runId(), run.plan(), run.asOf(), run.ruleSetVersion(), run.outcome(), run.firings(),
                run.warningsRaised(), run.warningsResolved(), active.stream().map(WarningView::of).toList());
    }
}
