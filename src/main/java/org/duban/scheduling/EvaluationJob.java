package org.duban.scheduling;

import org.duban.DubanClock;
import org.duban.assessment.Evaluations;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Evaluates every plan active today, each in its own run. */
@DisallowConcurrentExecution
class EvaluationJob extends QuartzJobBean {

    private final Evaluations evaluations;
    private final DubanClock clock;

    EvaluationJob(Evaluations evaluations, DubanClock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        evaluations.runActive(clock.today(), "定时任务");
    }
}
