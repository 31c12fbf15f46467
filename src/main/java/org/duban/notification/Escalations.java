package org.duban.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.catalog.Department;
import org.duban.notification.Briefings.Briefing;
import org.duban.rules.facts.Level;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.WarningStatus;
import org.duban.warning.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Copies RED warnings left unacknowledged for {@code escalationDays} to the office's leaders, once per time they turned red. */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private static final Viewer SYSTEM = Viewer.office("notification");

    private final Warnings warnings;
    private final Briefings briefings;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final NotificationSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Escalations(Warnings warnings, Briefings briefings, Outbox outbox, MailTemplates templates, NotificationSettings settings,
                TransactionTemplate transaction, Clock clock) {
        this.clock = clock;
        this.warnings = warnings;
        this.briefings = briefings;
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.transaction = transaction;
    }

    int compose() {
        if (settings.leaders().isEmpty()) {
            log.info("未设置 duban.notification.leaders，红色预警超期未确认时不抄报领导");
            return 0;
        }
        Optional<Briefing> briefing = briefings.today();
        if (briefing.isEmpty()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(settings.escalationDays()));
        Warnings.Filter openRed = new Warnings.Filter(Optional.of(WarningStatus.OPEN), Optional.of(Level.RED), Optional.empty(), Optional.empty(),
                Optional.empty());
        int written = 0;
        for (Warning warning : warnings.find(openRed, SYSTEM)) {
            Optional<Instant> redSince = warnings.redSince(warning.id());
            if (redSince.isEmpty() || redSince.get().isAfter(cutoff)) {
                continue;
            }
            for (String lead : warning.leadDepartments()) {
                written += escalate(warning, briefing.get().department(lead), redSince.get(), briefing.get()) ? 1 : 0;
            }
        }
        return written;
    }

    private boolean escalate(Warning warning, Department department, Instant redSince, Briefing briefing) {
        Map<String, Object> variables = new HashMap<>(Map.of("subject", "", "department", department, "region", briefing.plan().regionName(),
                "items", List.of(briefings.item(warning, NotificationPolicy.Change.REPEATED, briefing)), "days", settings.escalationDays(),
                "dashboardUrl", settings.dashboardUrl()));
        String subject = "【" + briefing.plan().regionName() + "重点工作预警】红色预警超过 " + settings.escalationDays() + " 天未确认："
                + warning.task() + ". " + warning.taskTitle();
        Boolean wrote = transaction.execute(status -> outbox.write(briefing.id(department), "ESCALATION",
                "escalation-" + warning.id() + "-" + redSince.toEpochMilli(), settings.leaders(), List.of(department.email()), subject,
                templates.render("escalation", variables)));
        return Boolean.TRUE.equals(wrote);
    }
}
