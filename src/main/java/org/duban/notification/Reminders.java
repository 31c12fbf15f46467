package org.duban.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

/** Reminds each lead department of reports due within a few days and still missing; once per department and due date. */
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
        Optional<Briefing> found = briefings.today();
        if (found.isEmpty()) {
            return 0;
        }
        Briefing briefing = found.get();
        LocalDate today = briefing.asOf().date();
        int grace = briefing.rules().map(RuleSet::reportingGraceDays).orElse(ReportingTerms.DEFAULT.graceDays());
        Map<Department, Map<LocalDate, List<Notifications.ReminderItem>>> due = new LinkedHashMap<>();
        for (Task task : catalog.tasks(briefing.plan().code())) {
            for (Indicator indicator : task.indicators()) {
                ReportingPeriod.next(indicator.frequency().name(), today, grace).ifPresent(period -> {
                    LocalDate dueDate = period.end().plusDays(grace);
                    Observation last = briefing.latest().get(indicator.code());
                    if (!dueDate.isAfter(today.plusDays(settings.reminderDays())) && (last == null || last.date().isBefore(period.start()))) {
                        for (Department lead : task.leadDepartments()) {
                            due.computeIfAbsent(lead, d -> new LinkedHashMap<>()).computeIfAbsent(dueDate, d -> new ArrayList<>())
                                    .add(new Notifications.ReminderItem(indicator.code(), indicator.name(), period.label(), dueDate));
                        }
                    }
                });
            }
        }
        int written = 0;
        for (var department : due.entrySet()) {
            for (var byDate : department.getValue().entrySet()) {
                Map<String, Object> variables = new HashMap<>(Map.of("subject", "", "department", department.getKey(),
                        "region", briefing.plan().regionName(), "items", byDate.getValue(), "dashboardUrl", settings.dashboardUrl()));
                String subject = "【" + briefing.plan().regionName() + "重点工作】数据报送提醒：" + byDate.getValue().size() + " 项指标将于 "
                        + byDate.getKey() + " 截止";
                long id = briefing.id(department.getKey());
                Boolean wrote = transaction.execute(status -> outbox.write(id, "REMINDER", "reminder-" + byDate.getKey(),
                        List.of(department.getKey().email()), List.of(), subject, templates.render("reminder", variables)));
                written += Boolean.TRUE.equals(wrote) ? 1 : 0;
            }
        }
        return written;
    }
}
