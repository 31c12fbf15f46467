package org.duban.scheduling;

import org.duban.assessment.FiringRetention;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Thins the firing log of runs older than {@code duban.firings.retention} to the firings behind warning changes. */
@DisallowConcurrentExecution
class FiringPruneJob extends QuartzJobBean {

    private final FiringRetention retention;

    FiringPruneJob(FiringRetention retention) {
        this.retention = retention;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        retention.prune();
    }
}
