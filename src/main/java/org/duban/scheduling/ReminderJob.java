package org.duban.scheduling;

import org.duban.notification.Notifications;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Writes reminders of reports due soon to the outbox, over every plan active today. */
@DisallowConcurrentExecution
class ReminderJob extends QuartzJobBean {

    private final Notifications notifications;

    ReminderJob(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notifications.composeReminders();
    }
}
