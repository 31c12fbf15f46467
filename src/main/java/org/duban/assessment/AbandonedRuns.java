package org.duban.assessment;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Closes the runs of instances that died mid-evaluation ({@code kill -9}, a power cut): their
 * runs would otherwise stay RUNNING for ever. A run is abandoned when the instance that started it
 * is no longer among the live members of the Quartz cluster — those whose row in Quartz's own
 * {@code QRTZ_SCHEDULER_STATE} was checked in recently — and is not this instance. Runs from
 * before instances were recorded are abandoned too. Done at start-up, before the scheduler starts
 * jobs, and again before each run.
 */
@Component
@Order(5)
class AbandonedRuns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRuns.class);

    private final EvaluationRuns runs;
    private final ClusterMembers members;

    AbandonedRuns(EvaluationRuns runs, ClusterMembers members) {
        this.runs = runs;
        this.members = members;
    }

    @Override
    public void run(ApplicationArguments args) {
        closeAbandoned();
    }

    /** This instance, as the cluster knows it. */
    String instance() {
        return members.self();
    }

    int closeAbandoned() {
        Set<String> live = members.alive();
        int closed = 0;
        for (EvaluationRuns.Running running : runs.running()) {
            if (running.instance() == null || !live.contains(running.instance())) {
                String reason = "实例 " + (running.instance() == null ? "（未记录）" : running.instance()) + " 已停止，评估未完成";
                if (runs.abandon(running.runId(), reason)) {
                    closed++;
                    log.warn("评估运行 {} 标记为 ABANDONED: {}", running.runId(), reason);
                }
            }
        }
        return closed;
    }
}
