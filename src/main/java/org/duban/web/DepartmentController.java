package org.duban.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.duban.DubanClock;
import org.duban.catalog.Department;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.ObservationFiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
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
    private final ObservationFiles files;
    private final Caller caller;
    private final DubanClock clock;

    DepartmentController(PlanCatalog catalog, ObservationFiles files, Caller caller, DubanClock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.files = files;
        this.caller = caller;
    }

    /** The Excel template a department fills in; a department account gets only its own. */
    @GetMapping("/{code}/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String code, @RequestParam Optional<String> plan, Authentication user) {
        caller.of(user).departmentCode().filter(own -> !own.equals(code))
                .ifPresent(own -> { throw new NotFound("只能下载本部门的报送模板"); });
        byte[] workbook = files.template(plan, code, clock.today());
        String name = URLEncoder.encode(catalog.department(code).map(Department::name).orElse(code) + "-数据报送模板.xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name.replace("+", "%20"))
                .body(workbook);
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
