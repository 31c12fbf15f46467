package org.duban.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.notification.Briefings.Briefing;
import org.duban.rules.facts.Level;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.WarningStatus;
import org.duban.warning.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies RED warnings left unacknowledged for {@code escalationDays} to the office's leaders, over
 * every plan active today: one mail per lead department, a section per plan, CC the department.
 * Each time a warning turned red is escalated once ({@code escalation_notice}).
 */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private static final Viewer SYSTEM = Viewer.office("notification");

    /** A RED warning and when its current red spell began. */
    private record Overdue(Warning warning, Instant redSince) {
    }

    private final Warnings warnings;
    private final Briefings briefings;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final NotificationSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Escalations(Warnings warnings, Briefings briefings, Outbox outbox, MailTemplates templates, NotificationSettings settings,
                JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.clock = clock;
        this.warnings = warnings;
        this.briefings = briefings;
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    int compose() {
        if (settings.leaders().isEmpty()) {
            log.info("未设置 duban.notification.leaders，红色预警超期未确认时不抄报领导");
            return 0;
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(settings.escalationDays()));
        Warnings.Filter openRed = new Warnings.Filter(Optional.of(WarningStatus.OPEN), Optional.of(Level.RED), Optional.empty(), Optional.empty(),
                Optional.empty());
        Mailing<Overdue> mailing = new Mailing<>();
        for (Briefing briefing : briefings.today()) {
            for (Warning warning : warnings.find(openRed.inPlan(briefing.plan().code()), SYSTEM)) {
                warnings.redSince(warning.id()).filter(since -> !since.isAfter(cutoff))
                        .ifPresent(since -> warning.leadDepartments().forEach(lead -> mailing.add(briefing, lead, new Overdue(warning, since))));
            }
        }
        int written = 0;
        for (Mailing.Recipient<Overdue> recipient : mailing.recipients()) {
            Boolean wrote = transaction.execute(status -> escalate(recipient, now));
            written += Boolean.TRUE.equals(wrote) ? 1 : 0;
        }
        return written;
    }

    private boolean escalate(Mailing.Recipient<Overdue> recipient, Instant now) {
        String key = "escalation-" + now.toEpochMilli();
        List<Notifications.PlanSection<Notifications.DigestItem>> sections = new ArrayList<>();
        List<Overdue> untold = new ArrayList<>();
        for (Mailing.Share<Overdue> share : recipient.shares()) {
            Briefing briefing = share.briefing();
            List<Overdue> fresh = share.items().stream().filter(overdue -> !told(overdue, recipient.id())).toList();
            untold.addAll(fresh);
            List<Notifications.DigestItem> items = fresh.stream()
                    .map(overdue -> briefings.item(overdue.warning(), NotificationPolicy.Change.REPEATED, briefing)).toList();
            if (!items.isEmpty()) {
                sections.add(briefing.section(recipient.department(), items));
            }
        }
        List<Notifications.DigestItem> items = sections.stream().flatMap(section -> section.items().stream()).toList();
        if (items.isEmpty()) {
            return false; // every one already escalated in its current red spell
        }
        Letterhead letterhead = recipient.letterhead();
        String subject = letterhead.subjectPrefix("重点工作预警") + "红色预警超过 " + settings.escalationDays() + " 天未确认："
                + (items.size() == 1 ? items.get(0).task() + ". " + items.get(0).taskTitle() : recipient.department().name() + " " + items.size() + " 项");
        Map<String, Object> variables = new HashMap<>(Map.of("subject", subject, "department", recipient.department(),
                "region", letterhead.regionName(), "sections", sections, "items", items, "days", settings.escalationDays(),
                "dashboardUrl", letterhead.dashboardUrl()));
        List<String> plans = sections.stream().map(Notifications.PlanSection::plan).toList(); // those with a section
        boolean wrote = outbox.write(recipient.id(), new Outbox.Envelope("ESCALATION", key, letterhead.from(), plans, settings.leaders(),
                List.of(recipient.department().email()), subject), templates.render("escalation", variables));
        if (wrote) {
            untold.forEach(overdue -> remember(overdue, recipient.id(), key));
        }
        return wrote;
    }

    private boolean told(Overdue overdue, long departmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM escalation_notice WHERE warning_id = ? AND department_id = ? AND red_since = ?")
                .params(overdue.warning().id(), departmentId, Timestamp.from(overdue.redSince())).query(Integer.class).single() > 0
                // before escalations were grouped, each was its own message under this key
                || outbox.has(departmentId, "escalation-" + overdue.warning().id() + "-" + overdue.redSince().toEpochMilli());
    }

    private void remember(Overdue overdue, long departmentId, String key) {
        jdbc.sql("INSERT INTO escalation_notice (warning_id, department_id, red_since, outbox_key) VALUES (?, ?, ?, ?)")
                .params(overdue.warning().id(), departmentId, Timestamp.from(overdue.redSince()), key).update();
    }
}
