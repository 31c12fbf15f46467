package org.duban.scheduling;

import org.duban.notification.MailDelivery;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Delivers what is due in the outbox, each message from its region's sender. */
@DisallowConcurrentExecution
class MailJob extends QuartzJobBean {

    private final MailDelivery delivery;

    MailJob(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        delivery.deliverDue();
    }
}
