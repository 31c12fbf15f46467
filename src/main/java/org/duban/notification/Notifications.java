package org.duban.notification;

import java.time.LocalDate;

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

    /** One line of a digest, as the templates see it. */
    public record DigestItem(long id, String change, String level, String levelName, String color, int task, String taskTitle,
                             String indicator, String indicatorName, String actual, String target, String timeProgress,
                             String deadline, String message, String link) {
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

    /** One digest per lead department that has something to be told; returns how many were written. */
    public int composeDigests() {
        int written = digests.compose();
        log.info("已生成 {} 封部门预警邮件", written);
        return written;
    }

    /** Reminders of reports due within {@code reminderDays} and still missing; returns how many were written. */
    public int composeReminders() {
        int written = reminders.compose();
        log.info("已生成 {} 封报送提醒邮件", written);
        return written;
    }

    /** RED warnings unacknowledged for {@code escalationDays}, copied to the leaders; returns how many were written. */
    public int composeEscalations() {
        int written = escalations.compose();
        log.info("已生成 {} 封超期抄报邮件", written);
        return written;
    }
}
