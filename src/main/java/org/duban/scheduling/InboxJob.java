package org.duban.scheduling;

import org.duban.collection.Inbox;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Imports the files waiting in the drop folder. */
@DisallowConcurrentExecution
class InboxJob extends QuartzJobBean {

    private final Inbox inbox;

    InboxJob(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        inbox.collect();
    }
}
