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
        Optional<String> department = accounts.of(authentication).departmentCode();
        List<AssessmentLog.Entry> entries = assessments.find(runId, plan, task, indicator);
        if (department.isEmpty()) {
            return entries;
        }
        String own = department.get();
        List<Task> involved = catalog.plan(plan).map(p -> catalog.tasks(p.code())).orElse(List.of()).stream()
                .filter(t -> t.involves(own)).toList();
        return entries.stream().filter(e -> involved.stream().anyMatch(t -> t.measuredBy(e.indicator()))).toList();
    }
}
