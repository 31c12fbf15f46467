package org.duban.notification;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The notification module's API: composes department digests, reporting reminders and RED
 * escalations into the outbox, from which {@link MailDelivery} sends them.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    /** One line of a digest or escalation, as the templates see it: {@code link} opens the warning, {@code taskLink} its task in its plan. */
    public record DigestItem(long id, String change, String level, String levelName, String color, int task, String taskTitle,
                             String indicator, String indicatorName, String actual, String target, String timeProgress,
                             String deadline, String message, String link, String taskLink) {
    }

    /**
     * One plan's part of a department's mail, headed by the plan's name: a department in two plans
     * (last year's still collecting final figures while this year's runs) gets one mail with a
     * section each. {@code link} opens the department's page on that plan.
     */
    public record PlanSection<T>(String plan, String planName, int year, String link, List<T> items) {
    }

    /** One indicator a reminder asks for. */
    public record ReminderItem(String code, String name, String period, LocalDate dueDate) {
    }

    private final Digests digests;
    private final Reminders reminders;
    private final Escalations escalations;

    Notifications(Digests digests, Reminders reminders, Escalations escalations) {
        this.digests = digests;
        this.reminders = reminders;
        this.escalations = escalations;
    }

    /** One digest per lead department that has something to be told, over every plan active today; returns how many were written. */
    public int composeDigests() {
        int written = digests.compose();
        log.info("已生成 {} 封部门预警邮件", written);
        return written;
    }

    /** Reminders of reports due within {@code reminderDays} and still missing, over every plan active today; returns how many were written. */
    public int composeReminders() {
        int written = reminders.compose();
        log.info("已生成 {} 封报送提醒邮件", written);
        return written;
    }

    /** RED warnings unacknowledged for {@code escalationDays}, over every plan active today, copied to the leaders; returns how many were written. */
    public int composeEscalations() {
        int written = escalations.compose();
        log.info("已生成 {} 封超期抄报邮件", written);
        return written;
    }
}
