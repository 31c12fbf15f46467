package org.duban.review;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.duban.DubanClock;
import org.duban.access.Accounts;
import org.duban.access.Accounts.Account;
import org.duban.catalog.Department;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Channel;
import org.duban.collection.Compliance;
import org.duban.collection.ObservationFiles;
import org.duban.collection.ObservationIntake;
import org.duban.collection.ObservationsRejected;
import org.duban.collection.Submitter;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.WarningProblem;
import org.duban.warning.WarningStatus;
import org.duban.warning.Warnings;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 部门: what a department leads and joins, its open warnings (acknowledged here with 情况说明 and a
 * promised date), its missing reports, and its upload with every row error shown in place.
 */
@Controller
class DepartmentPages {

    private final PlanCatalog catalog;
    private final Warnings warnings;
    private final Compliance compliance;
    private final ObservationFiles files;
    private final Accounts accounts;
    private final DubanClock clock;

    DepartmentPages(PlanCatalog catalog, Warnings warnings, Compliance compliance, ObservationFiles files, Accounts accounts, DubanClock clock) {
        this.catalog = catalog;
        this.warnings = warnings;
        this.compliance = compliance;
        this.files = files;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/departments")
    String list(Authentication user, Model model) {
        Account me = accounts.of(user);
        if (!Scope.office(me)) {
            return "redirect:/departments/" + me.departmentCode().get();
        }
        model.addAttribute("departments", catalog.departments());
        return "review/departments";
    }

    @GetMapping("/departments/{code}")
    String department(@PathVariable String code, Authentication user, Model model, HttpServletResponse response) {
        Account me = accounts.of(user);
        Scope.department(me, code);
        Optional<Department> department = catalog.department(code);
        Optional<Plan> plan = catalog.plan(Optional.empty());
        if (department.isEmpty() || plan.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error/404";
        }
        List<Task> tasks = catalog.tasks(plan.get().code());
        model.addAttribute("department", department.get());
        model.addAttribute("leads", tasks.stream().filter(t -> t.leadDepartments().stream().anyMatch(d -> d.code().equals(code))).toList());
        model.addAttribute("joins", tasks.stream().filter(t -> t.coDepartments().stream().anyMatch(d -> d.code().equals(code))).toList());
        model.addAttribute("warnings", warnings.find(new Warnings.Filter(Optional.empty(), Optional.empty(), Optional.of(code), Optional.empty(),
                Optional.empty()), new Viewer(me.username(), me.departmentCode())).stream().filter(w -> w.status() != WarningStatus.RESOLVED).toList());
        Compliance.Report report = compliance.report(Optional.of(plan.get().code()), clock.today(), Optional.of(code));
        model.addAttribute("reports", report.departments().stream().flatMap(d -> d.indicators().stream())
                .filter(i -> i.status() == Compliance.Status.MISSING || i.status() == Compliance.Status.LATE || i.missingBaseline()).toList());
        model.addAttribute("today", clock.today());
        model.addAttribute("mayAct", me.departmentCode().isPresent() || me.has(org.duban.access.Role.OFFICE));
        return "review/department";
    }

    @PostMapping("/departments/{code}/warnings/{id}/acknowledge")
    String acknowledge(@PathVariable String code, @PathVariable long id, @RequestParam String explanation,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedDate,
                       Authentication user, RedirectAttributes flash) {
        Account me = accounts.of(user);
        Scope.department(me, code);
        try {
            Warning done = warnings.acknowledge(id, new Viewer(me.username(), me.departmentCode()), explanation, promisedDate);
            flash.addFlashAttribute("done", "已确认预警 " + done.id() + "（" + done.indicatorName() + "）");
        } catch (WarningProblem problem) {
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/departments/" + code;
    }

    @PostMapping("/departments/{code}/upload")
    String upload(@PathVariable String code, @RequestParam("file") MultipartFile file, Authentication user, Model model,
                  HttpServletResponse response) throws IOException {
        Account me = accounts.of(user);
        Scope.department(me, code);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "上传文件" : file.getOriginalFilename();
        try {
            ObservationIntake.Receipt receipt = files.importFile(Optional.empty(), name, file.getSize(), file::getInputStream,
                    new Submitter(me.username(), me.departmentCode()), Channel.UPLOAD);
            model.addAttribute("done", name + "：已保存 " + receipt.stored() + " 条，与已报相同 " + receipt.unchanged() + " 条");
        } catch (ObservationsRejected rejected) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("uploadProblems", rejected.problems());
            model.addAttribute("problem", name + "：数据未保存，共 " + rejected.problems().size() + " 处错误，请全部改正后重新上传");
        }
        return department(code, user, model, response);
    }

    @GetMapping("/departments/{code}/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String code, Authentication user) {
        Scope.department(accounts.of(user), code);
        byte[] workbook = files.template(Optional.empty(), code, clock.today());
        String name = URLEncoder.encode(catalog.department(code).map(Department::name).orElse(code) + "-数据报送模板.xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name.replace("+", "%20")).body(workbook);
    }
}
