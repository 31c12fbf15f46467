package org.duban.collection;

import java.time.LocalDate;
import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.DubanClock;
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

    ComplianceController(Compliance compliance, Accounts accounts, DubanClock clock) {
        this.clock = clock;
        this.compliance = compliance;
        this.accounts = accounts;
    }

    @GetMapping
    Compliance.Report report(@RequestParam Optional<LocalDate> asOf, @RequestParam Optional<String> plan,
                             @RequestParam Optional<String> department, Authentication user) {
        Optional<String> own = accounts.of(user).departmentCode();
        return compliance.report(plan, asOf.orElse(clock.today()), own.isPresent() ? own : department);
    }
}
