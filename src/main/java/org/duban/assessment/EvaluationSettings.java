package org.duban.assessment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Evaluations.
 *
 * @param timeout     how long firing the rules of one evaluation may take; a run cut off is recorded
 *                    FAILED with the reason (the rule that fired most) and the next run starts afresh
 * @param partitions  how many {@link Partition}s the daily evaluation is cut into: one Quartz job and
 *                    trigger each, so that they run in parallel on the threads of one instance and spread
 *                    over the instances of a cluster. Every instance of a cluster must have the same number.
 * @param incremental judge the indicators that newly accepted values touch at once, in an incremental
 *                    run, rather than waiting for the next daily run
 */
@ConfigurationProperties("duban.evaluation")
public record EvaluationSettings(@DefaultValue("120s") Duration timeout, @DefaultValue("4") int partitions,
                                 @DefaultValue("true") boolean incremental) {

    /** More partitions than this would only be Quartz rows: 3,000 regions need far fewer. */
    static final int MAX_PARTITIONS = 1000;

    public EvaluationSettings {
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("duban.evaluation.partitions 必须在 1 至 " + MAX_PARTITIONS + " 之间，实为 " + partitions);
        }
    }

    /** Every partition of the daily evaluation, in order. */
    public java.util.List<Partition> allPartitions() {
        return java.util.stream.IntStream.range(0, partitions).mapToObj(i -> new Partition(i, partitions)).toList();
    }
}
