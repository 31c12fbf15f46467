package org.duban.collection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.duban.DubanClock;
import org.duban.NotFound;
import org.duban.access.Accounts;
import org.duban.catalog.Department;
import org.duban.catalog.PlanCatalog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each department's Excel template for reporting, prefilled with its indicators and the current period. */
@RestController
@RequestMapping("/api/departments")
class TemplateController {

    private final PlanCatalog catalog;
    private final ObservationFiles files;
    private final Accounts accounts;
    private final DubanClock clock;

    TemplateController(PlanCatalog catalog, ObservationFiles files, Accounts accounts, DubanClock clock) {
        this.catalog = catalog;
        this.files = files;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The Excel template a department fills in; a department account gets only its own. */
    @GetMapping("/{code}/template.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String code, @RequestParam Optional<String> plan, @RequestParam Optional<String> region,
                                    Authentication user) {
        Accounts.Account me = accounts.of(user);
        Department department = catalog.department(region.or(me::region), code)
                .orElseThrow(() -> new IllegalArgumentException("未知部门编码 \"" + code + "\""));
        if (!me.sees(department)) {
            throw new NotFound("只能下载本部门的报送模板");
        }
        byte[] workbook = files.template(plan, department, clock.today());
        String name = URLEncoder.encode(department.name() + "-数据报送模板.xlsx", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + name.replace("+", "%20"))
                .body(workbook);
    }
}
