package org.duban.notification;

import java.util.List;
import java.util.Optional;

import org.duban.access.Accounts;
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
 * a department's warnings without naming each in the outbox, so these are the mails to the warning's
 * departments written since it was raised.
 */
@Controller
class MailPages {

    private static final int LATEST = 500;

    private final Outbox outbox;
    private final Warnings warnings;
    private final Accounts accounts;

    MailPages(Outbox outbox, Warnings warnings, Accounts accounts) {
        this.outbox = outbox;
        this.warnings = warnings;
        this.accounts = accounts;
    }

    @GetMapping("/warnings/{id}/mails")
    String mails(@PathVariable long id, Authentication user, Model model) {
        Accounts.Account me = accounts.of(user);
        Optional<Warning> warning = warnings.find(id, Viewer.of(me));
        model.addAttribute("mails", warning.map(w -> outbox.latest(LATEST).stream()
                .filter(m -> w.departments().contains(m.department()))
                .filter(m -> !m.createdAt().isBefore(w.raisedAt())).toList()).orElse(List.of()));
        return "notification/mails :: mails";
    }
}
