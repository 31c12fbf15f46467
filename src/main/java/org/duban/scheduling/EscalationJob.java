package org.duban.scheduling;

import org.duban.notification.Notifications;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Writes escalations of long-unacknowledged RED warnings to the outbox, over every plan active today. */
@DisallowConcurrentExecution
class EscalationJob extends QuartzJobBean {

    private final Notifications notifications;

    EscalationJob(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notifications.composeEscalations();
    }
}
