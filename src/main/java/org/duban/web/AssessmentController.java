package org.duban.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.assessment.AssessmentLog;
import org.duban.catalog.Department;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.warning.Viewer;
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
    private final Caller caller;

    AssessmentController(AssessmentLog assessments, PlanCatalog catalog, Caller caller) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.caller = caller;
    }

    @GetMapping
    List<AssessmentLog.Entry> assessments(@RequestParam Optional<Long> runId, @RequestParam Optional<String> plan,
                                          @RequestParam Optional<Integer> task, @RequestParam Optional<String> indicator,
                                          Authentication authentication) {
        Viewer viewer = caller.viewer(authentication);
        List<AssessmentLog.Entry> entries = assessments.find(runId, plan, task, indicator);
        if (viewer.departmentCode().isEmpty()) {
            return entries;
        }
        String own = viewer.departmentCode().get();
        Set<Integer> tasks = catalog.plan(plan).map(p -> catalog.tasks(p.code())).orElse(List.of()).stream()
                .filter(t -> concerns(t, own)).map(Task::number).collect(Collectors.toSet());
        return entries.stream().filter(e -> tasks.contains(e.task())).toList();
    }

    private static boolean concerns(Task task, String department) {
        return task.leadDepartments().stream().map(Department::code).anyMatch(department::equals)
                || task.coDepartments().stream().map(Department::code).anyMatch(department::equals);
    }
}
