package org.duban.assessment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Evaluations.
 *
 * @param timeout     how long firing the rules of one evaluation may take; a run cut off is recorded
 *                    FAILED with the reason (the rule that fired most) and the next run starts afresh
 * @param incremental judge the indicators that newly accepted values touch at once, in an incremental
 *                    run, rather than waiting for the next daily run
 */
@ConfigurationProperties("duban.evaluation")
public record EvaluationSettings(@DefaultValue("120s") Duration timeout, @DefaultValue("true") boolean incremental) {
}
