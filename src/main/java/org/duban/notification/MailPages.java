package org.duban.notification;

import java.util.List;
import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.Warnings;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Which mails told whom about a warning, and whether they went out: a fragment the warning page loads
 * (htmx), since the outbox is this module's and the warning module must not depend on it. A mail lists
 * a department's warnings without naming each in the outbox, so these are the mails about the warning's
 * plan to its departments (of its plan's region: names repeat across regions) written since it was raised.
 */
@Controller
class MailPages {

    private static final int LATEST = 500;

    private final Outbox outbox;
    private final Warnings warnings;
    private final Accounts accounts;
    private final PlanCatalog catalog;

    MailPages(Outbox outbox, Warnings warnings, Accounts accounts, PlanCatalog catalog) {
        this.outbox = outbox;
        this.warnings = warnings;
        this.accounts = accounts;
        this.catalog = catalog;
    }

    private String region(Warning warning) {
        return catalog.plan(Optional.of(warning.plan())).map(Plan::regionCode).orElse("");
    }

    @GetMapping("/warnings/{id}/mails")
    String mails(@PathVariable long id, Authentication user, Model model) {
        Accounts.Account me = accounts.of(user);
        Optional<Warning> warning = warnings.find(id, Viewer.of(me));
        model.addAttribute("mails", warning.map(w -> {
            String region = region(w); // once: it reads the catalog's plans
            return outbox.latest(LATEST).stream()
                    // messages written before they named their plans have none: they are kept, as before
                    .filter(m -> m.plans().isEmpty() || m.plans().contains(w.plan()))
                    .filter(m -> m.region().equals(region) && w.departments().contains(m.department()))
                    .filter(m -> !m.createdAt().isBefore(w.raisedAt())).toList();
        }).orElse(List.of()));
        return "notification/mails :: mails";
    }
}
