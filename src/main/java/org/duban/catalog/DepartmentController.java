package org.duban.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The department registry, each department with the tasks it leads or joins in a plan. */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    record TaskRef(int number, String title) {
    }

    record DepartmentView(String code, String name, String email, String contact, List<TaskRef> leads, List<TaskRef> joins) {
    }

    private final PlanCatalog catalog;

    DepartmentController(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<DepartmentView> departments(@RequestParam Optional<String> plan) {
        List<Task> tasks = catalog.plan(plan).map(p -> catalog.tasks(p.code())).orElse(List.of());
        return catalog.departments().stream().map(department -> new DepartmentView(department.code(), department.name(),
                department.email(), department.contact(),
                refs(tasks, department, true), refs(tasks, department, false))).toList();
    }

    private static List<TaskRef> refs(List<Task> tasks, Department department, boolean lead) {
        return tasks.stream()
                .filter(task -> (lead ? task.leadDepartments() : task.coDepartments()).stream().anyMatch(d -> d.code().equals(department.code())))
                .map(task -> new TaskRef(task.number(), task.title()))
                .toList();
    }
}
