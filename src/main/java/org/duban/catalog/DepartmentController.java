package org.duban.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.duban.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department registries, each department with its region and the tasks it leads or joins in a
 * plan. The plan is the one named, or its region's only plan; with no plan named and several in a
 * region, none is guessed: {@code plan}, {@code leads} and {@code joins} are null.
 */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    record TaskRef(int number, String title) {
    }

    record DepartmentView(String code, String name, String region, String email, String contact, String plan,
                          List<TaskRef> leads, List<TaskRef> joins) {
    }

    private final PlanCatalog catalog;

    DepartmentController(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<DepartmentView> departments(@RequestParam Optional<String> region, @RequestParam Optional<String> plan) {
        Optional<Plan> named = plan.map(code -> catalog.plan(Optional.of(code)).orElseThrow(() -> new NotFound(PlanCatalog.missing(plan))));
        region.ifPresent(code -> catalog.region(code).orElseThrow(() -> new NotFound("没有地区 " + code)));
        if (named.isPresent() && region.isPresent() && !named.get().regionCode().equals(region.get())) {
            throw new IllegalArgumentException("计划 " + named.get().code() + " 属于地区 " + named.get().regionCode() + "，不属于 " + region.get());
        }
        Optional<String> scope = named.map(Plan::regionCode).or(() -> region);
        List<Department> departments = scope.map(catalog::departments).orElseGet(catalog::departments);
        Map<String, Optional<Plan>> plans = named.isPresent() ? Map.of(named.get().regionCode(), named)
                : onlyPlanOfEachRegion(catalog.plans());
        Map<String, List<Task>> tasks = plans.values().stream().flatMap(Optional::stream)
                .collect(Collectors.toMap(Plan::code, p -> catalog.tasks(p.code())));
        return departments.stream().map(department -> {
            Optional<Plan> of = plans.getOrDefault(department.region(), Optional.empty());
            List<Task> its = of.map(p -> tasks.get(p.code())).orElse(null);
            return new DepartmentView(department.code(), department.name(), department.region(), department.email(), department.contact(),
                    of.map(Plan::code).orElse(null), its == null ? null : refs(its, department, true), its == null ? null : refs(its, department, false));
        }).toList();
    }

    /** A region with exactly one plan: that plan, as nothing else could be meant; with several, empty. */
    private static Map<String, Optional<Plan>> onlyPlanOfEachRegion(List<Plan> plans) {
        return plans.stream().collect(Collectors.groupingBy(Plan::regionCode,
                Collectors.collectingAndThen(Collectors.toList(), all -> all.size() == 1 ? Optional.of(all.get(0)) : Optional.<Plan>empty())));
    }

    private static List<TaskRef> refs(List<Task> tasks, Department department, boolean lead) {
        return tasks.stream()
                .filter(task -> (lead ? task.leadDepartments() : task.coDepartments()).stream().anyMatch(department::is))
                .map(task -> new TaskRef(task.number(), task.title()))
                .toList();
    }
}
