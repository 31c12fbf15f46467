package org.duban.assessment;

import org.duban.collection.Channel;
import org.duban.collection.ObservationsAccepted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-judges the indicators that newly stored values touched, as soon as the intake has committed
 * them, so a value that turns an indicator red raises its warning at once rather than at the next
 * daily run. It runs in the thread that submitted the values, after their commit: the sender's
 * answer comes when the warning is up to date. A failure here never undoes or fails the intake (the
 * values are stored); it is logged, and the next daily run catches up.
 */
@Component
class IncrementalEvaluation {

    private static final Logger log = LoggerFactory.getLogger(IncrementalEvaluation.class);

    private final Evaluations evaluations;
    private final EvaluationSettings settings;
    /**
     * After commit the intake's connection is still bound to the thread, though its transaction is
     * over: work done there would be lost. Suspending it gives the run what a scheduled run has.
     */
    private final TransactionTemplate outsideTheIntake;

    IncrementalEvaluation(Evaluations evaluations, EvaluationSettings settings, PlatformTransactionManager transactions) {
        this.evaluations = evaluations;
        this.settings = settings;
        this.outsideTheIntake = new TransactionTemplate(transactions);
        this.outsideTheIntake.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ObservationsAccepted accepted) {
        // the demo loader replays its year with runs of its own
        if (!settings.incremental() || accepted.channel() == Channel.DEMO) {
            return;
        }
        try {
            outsideTheIntake.executeWithoutResult(status ->
                    evaluations.runIncremental(accepted.planCode(), accepted.indicators(), triggeredBy(accepted)));
        } catch (RuntimeException e) {
            log.error("计划 {} 指标 {} 的增量评估未完成，数据已保存，下次定时评估时会重新评估: {}", accepted.planCode(),
                    accepted.indicators(), e.getMessage());
        }
    }

    /** 增量评估：keji 接口报送 — triggered_by holds 100 characters. */
    private static String triggeredBy(ObservationsAccepted accepted) {
        String by = "增量评估：" + accepted.submittedBy() + " " + channel(accepted.channel()) + "报送";
        return by.length() <= 100 ? by : by.substring(0, 99) + "…";
    }

    private static String channel(Channel channel) {
        return switch (channel) {
            case API -> "接口";
            case UPLOAD -> "上传";
            case INBOX -> "收件箱";
            case DEMO -> "演示";
        };
    }
}
