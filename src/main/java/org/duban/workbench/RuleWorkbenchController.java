package org.duban.workbench;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.rules.RuleHistory;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rule author's workbench over HTTP: check, the staged set and its activation, the dry run, the
 * history with rollback, and near-miss explanations. Roles are set in the security configuration:
 * activating and rolling back are for rule authors, the rest also for the office.
 */
@RestController
@RequestMapping("/api/rules")
class RuleWorkbenchController {

    /** Uploaded files: path under rules/ (e.g. {@code common/levels.drl}) → text, laid over the folder. */
    record CheckRequest(Map<String, String> files) {
    }

    record DryRunRequest(LocalDate asOf, String plan, Map<String, String> files) {
    }

    record StagedView(String mode, String plan, String activeVersion, String stagedVersion, java.time.Instant stagedAt,
                      boolean stagingSucceeded, List<RuleProblem> errors) {
    }

    record RuleProblem(String file, int line, String field, String message) {
        static List<RuleProblem> of(List<org.duban.catalog.CatalogProblem> problems) {
            return problems.stream().map(p -> new RuleProblem(p.file(), p.line(), p.field(), p.message())).toList();
        }
    }

    record ActivationView(String plan, String activeVersion, boolean succeeded, List<RuleProblem> errors) {
    }

    private final RuleCheck check;
    private final RuleDryRun dryRun;
    private final NearMisses nearMisses;
    private final RuleSets ruleSets;
    private final RuleHistory history;
    private final PlanCatalog catalog;
    private final org.duban.DubanClock clock;

    RuleWorkbenchController(RuleCheck check, RuleDryRun dryRun, NearMisses nearMisses, RuleSets ruleSets, RuleHistory history,
                            PlanCatalog catalog, org.duban.DubanClock clock) {
        this.check = check;
        this.dryRun = dryRun;
        this.nearMisses = nearMisses;
        this.ruleSets = ruleSets;
        this.history = history;
        this.catalog = catalog;
        this.clock = clock;
    }

    @PostMapping("/check")
    ResponseEntity<RuleCheck.Report> check(@RequestBody(required = false) CheckRequest request) {
        RuleCheck.Report report = check.check(request == null || request.files() == null ? Map.of() : request.files());
        return report.ok() ? ResponseEntity.ok(report) : ResponseEntity.unprocessableEntity().body(report);
    }

    @GetMapping("/staged")
    StagedView staged(@RequestParam Optional<String> plan) {
        String code = planCode(plan);
        RuleSets.LoadReport report = ruleSets.stagedLoad();
        return new StagedView(ruleSets.mode().name().toLowerCase(java.util.Locale.ROOT), code,
                ruleSets.current(code).map(RuleSet::version).orElse(null), ruleSets.staged(code).map(RuleSet::version).orElse(null),
                report.finishedAt(), report.succeeded(), RuleProblem.of(report.errors()));
    }

    /** Puts the rules folder as it is now into force (it is compiled and checked again first). */
    @PostMapping("/activate")
    ResponseEntity<ActivationView> activate(@RequestParam Optional<String> plan, Principal user) {
        RuleSets.LoadReport report = ruleSets.activate(user.getName());
        return activation(planCode(plan), report);
    }

    @PostMapping("/dry-run")
    RuleDryRun.Result dryRun(@RequestBody(required = false) DryRunRequest request) {
        LocalDate asOf = request == null || request.asOf() == null ? clock.today() : request.asOf();
        return dryRun.dryRun(Optional.ofNullable(request == null ? null : request.plan()), asOf,
                request == null || request.files() == null ? Map.of() : request.files());
    }

    @GetMapping("/versions")
    List<RuleHistory.Activation> versions(@RequestParam Optional<String> plan) {
        return history.list(planCode(plan));
    }

    /** A version's files (path under rules/ → text). */
    @GetMapping("/versions/{version}/files")
    ResponseEntity<Map<String, String>> files(@PathVariable String version, @RequestParam Optional<String> plan) {
        Map<String, String> files = history.files(planCode(plan), version);
        return files.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(files);
    }

    /** Rollback: makes a stored version the rules in force again (and, in live mode, the folder's files). */
    @PostMapping("/versions/{version}/activate")
    ResponseEntity<ActivationView> rollback(@PathVariable String version, @RequestParam Optional<String> plan, Principal user) {
        String code = planCode(plan);
        if (history.files(code, version).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return activation(code, ruleSets.rollback(code, version, user.getName()));
    }

    @GetMapping("/near-miss")
    ResponseEntity<NearMisses.Result> nearMiss(@RequestParam String indicator, @RequestParam Optional<LocalDate> asOf,
                                               @RequestParam Optional<String> plan) {
        return ResponseEntity.of(nearMisses.explain(plan, indicator, asOf.orElseGet(() -> clock.today())));
    }

    private ResponseEntity<ActivationView> activation(String plan, RuleSets.LoadReport report) {
        ActivationView view = new ActivationView(plan, ruleSets.current(plan).map(RuleSet::version).orElse(null), report.succeeded(),
                RuleProblem.of(report.errors()));
        return report.succeeded() ? ResponseEntity.ok(view) : ResponseEntity.unprocessableEntity().body(view);
    }

    private String planCode(Optional<String> plan) {
        return catalog.plan(plan).map(Plan::code).orElseThrow(() -> new IllegalArgumentException("没有计划 " + plan.orElse("")));
    }
}
