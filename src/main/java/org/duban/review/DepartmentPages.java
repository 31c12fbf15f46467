package org.duban.review;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.duban.DubanClock;
import org.duban.NotFound;
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
    private final PagePlans plans;
    private final Warnings warnings;
    private final Compliance compliance;
    private final ObservationFiles files;
    private final Accounts accounts;
    private final DubanClock clock;

    DepartmentPages(PlanCatalog catalog, PagePlans plans, Warnings warnings, Compliance compliance, ObservationFiles files, Accounts accounts, DubanClock clock) {
        this.catalog = catalog;
        this.plans = plans;
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
    String department(@PathVariable String code, @RequestParam Optional<String> region, @RequestParam("plan") Optional<String> planParam,
                      Authentication user, Model model, HttpServletResponse response) {
        Account me = accounts.of(user);
        Optional<Department> department = catalog.department(region.or(me::region), code);
        department.ifPresent(d -> Scope.department(me, d));
        Optional<Plan> plan = department.flatMap(d -> plans.choose(planParam, me, Optional.of(d.region())));
        if (department.isEmpty() || plan.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error/404";
        }
        Department shown = department.get();
        List<Task> tasks = catalog.tasks(plan.get().code());
        model.addAttribute("department", shown);
        model.addAttribute("plan", plan.get());
        model.addAttribute("leads", tasks.stream().filter(t -> t.leadDepartments().stream().anyMatch(shown::is)).toList());
        model.addAttribute("joins", tasks.stream().filter(t -> t.coDepartments().stream().anyMatch(shown::is)).toList());
        model.addAttribute("warnings", warnings.find(new Warnings.Filter(Optional.empty(), Optional.empty(), Optional.of(code), Optional.empty(),
                Optional.empty()).inPlan(plan.get().code()), Viewer.of(me)).stream().filter(w -> w.status() != WarningStatus.RESOLVED).toList());
        Compliance.Report report = compliance.report(Optional.of(plan.get().code()), clock.today(), Optional.of(code));
        model.addAttribute("reports", report.departments().stream().flatMap(d -> d.indicators().stream())
                .filter(i -> i.status() == Compliance.Status.MISSING || i.status() == Compliance.Status.LATE || i.missingBaseline()).toList());
        model.addAttribute("today", clock.today());
        model.addAttribute("mayAct", me.departmentCode().isPresent() || me.has(org.duban.access.Role.OFFICE));
        return "review/department";
    }

    /** The department a page is about, checked against the account: 404 when there is none, 403 when it is not the account's. */
    private Department department(Account me, String code, Optional<String> region) {
        Department department = catalog.department(region.or(me::region), code).orElseThrow(() -> new NotFound("没有部门 " + code));
        Scope.department(me, department);
        return department;
    }

    @PostMapping("/departments/{code}/warnings/{id}/acknowledge")
    String acknowledge(@PathVariable String code, @PathVariable long id, @RequestParam String explanation,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate promisedDate,
                       @RequestParam Optional<String> region, Authentication user, RedirectAttributes flash) {
        Account me = accounts.of(user);
        department(me, code, region);
        try {
            Warning done = warnings.acknowledge(id, Viewer.of(me), explanation, promisedDate);
            flash.addFlashAttribute("done", "已确认预警 " + done.id() + "（" + done.indicatorName() + "）");
        } catch (WarningProblem problem) {
            flash.addFlashAttribute("problem", problem.getMessage());
        }
        return "redirect:/departments/" + code;
    }

    @PostMapping("/departments/{code}/upload")
    String upload(@PathVariable String code, @RequestParam("file") MultipartFile file, @RequestParam Optional<String> region,
                  @RequestParam("plan") Optional<String> planParam, Authentication user, Model model,
                  HttpServletResponse response) throws IOException {
        Account me = accounts.of(user);
        Department department = department(me, code, region);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "上传文件" : file.getOriginalFilename();
        try {
            ObservationIntake.Receipt receipt = files.importFile(planParam, name, file.getSize(), file::getInputStream,
                    Submitter.of(me), Channel.UPLOAD);
            model.addAttribute("done", name + "：已保存 " + receipt.stored() + " 条，与已报相同 " + receipt.unchanged() + " 条");
        } catch (ObservationsRejected rejected) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("uploadProblems", rejected.problems());
            model.addAttribute("problem", name + "：数据未保存，共 " + rejected.problems().size() + " 处错误，请全部改正后重新上传");
        }
        return department(code, Optional.of(department.region()), planParam, user, model, response);
    }

    @GetMapping("/departments/{code}/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String code, @RequestParam Optional<String> region,
                                    @RequestParam("plan") Optional<String> planParam, Authentication user) {
        Department department = department(accounts.of(user), code, region);
        byte[] workbook = files.template(planParam, department, clock.today());
        String name = URLEncoder.encode(department.name() + "-数据报送模板.xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name.replace("+", "%20")).body(workbook);
    }
}
