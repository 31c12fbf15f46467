package org.duban.scheduling;

import java.util.Optional;

import org.duban.DubanClock;
import org.duban.assessment.Evaluations;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Evaluates the current plan as of today. */
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
        evaluations.run(Optional.empty(), clock.today(), "定时任务");
    }
}
