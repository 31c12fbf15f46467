package org.duban.scheduling;

import org.duban.notification.Notifications;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Writes the departments' warning digests to the outbox, over every plan active today (one digest per department, a section per plan). */
@DisallowConcurrentExecution
class DigestJob extends QuartzJobBean {

    private final Notifications notifications;

    DigestJob(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        notifications.composeDigests();
    }
}
