package org.duban.scheduling;

import org.duban.DubanClock;
import org.duban.assessment.EvaluationSettings;
import org.duban.assessment.Evaluations;
import org.duban.assessment.Partition;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Evaluates the plans of one partition active today, each in its own run. There is one such job per
 * partition ({@code evaluation-partition-0} …), so the partitions run at once on free threads and
 * free instances; {@link DisallowConcurrentExecution} holds per job, so one partition never runs twice at once.
 */
@DisallowConcurrentExecution
class EvaluationJob extends QuartzJobBean {

    /** The job data key holding the partition's index. */
    static final String PARTITION = "partition";

    private static final Logger log = LoggerFactory.getLogger(EvaluationJob.class);

    private final Evaluations evaluations;
    private final DubanClock clock;
    private final EvaluationSettings settings;

    EvaluationJob(Evaluations evaluations, DubanClock clock, EvaluationSettings settings) {
        this.evaluations = evaluations;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        if (!data.containsKey(PARTITION)) {
            // the single job of versions before partitions, until Jobs removes it at the next start
            evaluations.runActive(clock.today(), "定时任务", Partition.ALL);
            return;
        }
        int index = data.getInt(PARTITION);
        if (index >= settings.partitions()) {
            log.warn("定时任务 {} 属于另一个分区数设置，本实例 duban.evaluation.partitions = {}，未评估；集群各实例的分区数应相同",
                    context.getJobDetail().getKey().getName(), settings.partitions());
            return;
        }
        evaluations.runActive(clock.today(), "定时任务", new Partition(index, settings.partitions()));
    }
}
