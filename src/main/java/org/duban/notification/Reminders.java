package org.duban.notification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.duban.catalog.Department;
import org.duban.catalog.Indicator;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Observation;
import org.duban.notification.Briefings.Briefing;
import org.duban.rules.RuleSet;
import org.duban.rules.facts.ReportingPeriod;
import org.duban.rules.facts.ReportingTerms;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds each lead department of reports due within a few days and still missing, over every plan
 * active today; once per department and due date, with a section per plan.
 */
@Component
class Reminders {

    private final Briefings briefings;
    private final PlanCatalog catalog;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final NotificationSettings settings;
    private final TransactionTemplate transaction;

    Reminders(Briefings briefings, PlanCatalog catalog, Outbox outbox, MailTemplates templates, NotificationSettings settings,
              TransactionTemplate transaction) {
        this.briefings = briefings;
        this.catalog = catalog;
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.transaction = transaction;
    }

    int compose() {
        Map<LocalDate, Mailing<Notifications.ReminderItem>> byDueDate = new TreeMap<>();
        for (Briefing briefing : briefings.today()) {
            due(briefing, byDueDate);
        }
        int written = 0;
        for (var dated : byDueDate.entrySet()) {
            for (Mailing.Recipient<Notifications.ReminderItem> recipient : dated.getValue().recipients()) {
                written += remind(recipient, dated.getKey()) ? 1 : 0;
            }
        }
        return written;
    }

    /** The plan's indicators whose next report is due soon and not yet in, for their lead departments. */
    private void due(Briefing briefing, Map<LocalDate, Mailing<Notifications.ReminderItem>> byDueDate) {
        LocalDate today = briefing.asOf().date();
        int grace = briefing.rules().map(RuleSet::reportingGraceDays).orElse(ReportingTerms.DEFAULT.graceDays());
        for (Task task : catalog.tasks(briefing.plan().code())) {
            for (Indicator indicator : task.indicators()) {
                next(indicator, briefing.plan().year(), today, grace).ifPresent(period -> {
                    LocalDate dueDate = period.end().plusDays(grace);
                    Observation last = briefing.latest().get(indicator.code());
                    if (!dueDate.isAfter(today.plusDays(settings.reminderDays())) && (last == null || last.date().isBefore(period.start()))) {
                        for (Department lead : task.leadDepartments()) {
                            byDueDate.computeIfAbsent(dueDate, d -> new Mailing<>()).add(briefing, lead.name(),
                                    new Notifications.ReminderItem(indicator.code(), indicator.name(), period.label(), dueDate));
                        }
                    }
                });
            }
        }
    }

    /**
     * The indicator's next period not yet past its due date, in the plan's year: a plan takes values
     * of its own year only, so last year's plan (active while its final figures come in) is owed at
     * most its last periods, never this year's months.
     */
    private static Optional<ReportingPeriod> next(Indicator indicator, int year, LocalDate today, int grace) {
        LocalDate day = today.getYear() < year ? LocalDate.of(year, 1, 1) : today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        return ReportingPeriod.next(indicator.frequency().name(), day, grace).filter(period -> !period.end().plusDays(grace).isBefore(today));
    }

    private boolean remind(Mailing.Recipient<Notifications.ReminderItem> recipient, LocalDate dueDate) {
        Letterhead letterhead = recipient.letterhead();
        List<Notifications.PlanSection<Notifications.ReminderItem>> sections = recipient.shares().stream()
                .map(share -> share.briefing().section(recipient.department(), share.items())).toList();
        String subject = letterhead.subjectPrefix("重点工作") + "数据报送提醒：" + recipient.items().size() + " 项指标将于 " + dueDate + " 截止";
        Map<String, Object> variables = new HashMap<>(Map.of("subject", subject, "department", recipient.department(),
                "region", letterhead.regionName(), "sections", sections, "items", recipient.items(), "dashboardUrl", letterhead.dashboardUrl()));
        Boolean wrote = transaction.execute(status -> outbox.write(recipient.id(),
                new Outbox.Envelope("REMINDER", "reminder-" + dueDate, letterhead.from(), recipient.plans(),
                        List.of(recipient.department().email()), List.of(), subject),
                templates.render("reminder", variables)));
        return Boolean.TRUE.equals(wrote);
    }
}
