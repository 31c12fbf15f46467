package org.duban.assessment;

import java.util.List;
import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How each indicator was judged, warned or quiet: {@code ?runId=&task=&indicator=} (the latest successful run by
 * default). A department sees the indicators of the tasks it leads or joins.
 */
@RestController
@RequestMapping("/api/assessments")
class AssessmentController {

    private final AssessmentLog assessments;
    private final PlanCatalog catalog;
    private final Accounts accounts;

    AssessmentController(AssessmentLog assessments, PlanCatalog catalog, Accounts accounts) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping
    List<AssessmentLog.Entry> assessments(@RequestParam Optional<Long> runId, @RequestParam Optional<String> plan,
                                          @RequestParam Optional<Integer> task, @RequestParam Optional<String> indicator,
                                          Authentication authentication) {
        Accounts.Account me = accounts.of(authentication);
        // the latest run of which plan: named, or the one plan running (a department: of its region; several: 400 asking which)
        Optional<String> planCode = runId.isPresent() ? plan
                : Optional.of(catalog.plan(plan, me.region()).orElseThrow(() -> new org.duban.NotFound(PlanCatalog.missing(plan, me.region()))).code());
        List<AssessmentLog.Entry> entries = assessments.find(runId, planCode, task, indicator);
        if (me.departmentCode().isEmpty()) {
            return entries;
        }
        String own = me.departmentCode().get();
        return entries.stream().filter(e -> catalog.plan(Optional.of(e.plan())).filter(p -> me.seesRegion(p.regionCode()))
                .map(p -> catalog.tasks(p.code()).stream().filter(t -> t.involves(own)).anyMatch(t -> t.measuredBy(e.indicator())))
                .orElse(false)).toList();
    }
}
