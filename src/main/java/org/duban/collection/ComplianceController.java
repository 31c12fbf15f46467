package org.duban.collection;

import java.time.LocalDate;
import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.DubanClock;
import org.duban.NotFound;
import org.duban.catalog.PlanCatalog;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Which reports are in, late or missing, per department: {@code ?asOf=2023-09-30} (default today). */
@RestController
@RequestMapping("/api/compliance")
class ComplianceController {

    private final Compliance compliance;
    private final Accounts accounts;
    private final DubanClock clock;

    private final PlanCatalog catalog;

    ComplianceController(Compliance compliance, Accounts accounts, DubanClock clock, PlanCatalog catalog) {
        this.catalog = catalog;
        this.clock = clock;
        this.compliance = compliance;
        this.accounts = accounts;
    }

    @GetMapping
    Compliance.Report report(@RequestParam Optional<LocalDate> asOf, @RequestParam Optional<String> plan,
                             @RequestParam Optional<String> department, @RequestParam Optional<String> region, Authentication user) {
        Accounts.Account me = accounts.of(user);
        // a department reports to its own region's plans; the office names a plan or a region with one running plan
        Optional<String> within = me.region().or(() -> region);
        String code = catalog.plan(plan, within).orElseThrow(() -> new NotFound(PlanCatalog.missing(plan, within))).code();
        Optional<String> own = me.departmentCode();
        return compliance.report(Optional.of(code), asOf.orElse(clock.today()), own.isPresent() ? own : department);
    }
}
