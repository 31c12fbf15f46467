package org.duban.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.duban.catalog.CatalogProblem;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The loaded rule set and the errors of the last load. Reloading re-reads the plan files and
 * the rules; only rule authors may do it (security configuration), since rules are code.
 */
@RestController
@RequestMapping("/api/rules")
class RuleController {

    record ProblemView(String file, int line, String field, String message) {
        static ProblemView of(CatalogProblem problem) {
            return new ProblemView(problem.file(), problem.line(), problem.field(), problem.message());
        }
    }

    /** @param kept the plans whose rules failed at the last load and kept their last good set (version null: none yet) */
    record RulesView(String plan, String version, Instant loadedAt, List<RuleSet.RuleFile> files, Instant lastLoadAt,
                     boolean lastLoadSucceeded, List<ProblemView> errors, List<RuleSets.KeptSet> kept) {
    }

    private final RuleSets ruleSets;
    private final PlanCatalog catalog;

    RuleController(RuleSets ruleSets, PlanCatalog catalog) {
        this.ruleSets = ruleSets;
        this.catalog = catalog;
    }

    @GetMapping
    RulesView rules(@RequestParam Optional<String> plan) {
        // the load report is every plan's; the set shown is the named plan's, or the only one's (none is guessed)
        String code = plan.orElseGet(() -> {
            List<Plan> plans = catalog.plans();
            return plans.size() == 1 ? plans.get(0).code() : null;
        });
        Optional<RuleSet> set = Optional.ofNullable(code).flatMap(ruleSets::current);
        RuleSets.LoadReport report = ruleSets.lastLoad();
        return new RulesView(code, set.map(RuleSet::version).orElse(null), set.map(RuleSet::loadedAt).orElse(null),
                set.map(RuleSet::files).orElse(List.of()), report.finishedAt(), report.succeeded(),
                report.errors().stream().map(ProblemView::of).toList(), report.kept());
    }

    @PostMapping("/reload")
    ResponseEntity<RulesView> reload(@RequestParam Optional<String> plan) {
        RuleSets.LoadReport report = ruleSets.reload();
        RulesView view = rules(plan);
        return report.succeeded() ? ResponseEntity.ok(view) : ResponseEntity.unprocessableEntity().body(view);
    }
}
