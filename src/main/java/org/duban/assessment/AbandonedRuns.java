package org.duban.assessment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    /** Quartz's own allowance before it declares a member failed ({@code JobStoreSupport.calcFailedIfAfter}), doubled. */
    private static final long CHECKIN_GRACE_MILLIS = 7_500;

    private final EvaluationRuns runs;
    private final JdbcClient jdbc;
    private final Scheduler scheduler;

    AbandonedRuns(EvaluationRuns runs, JdbcClient jdbc, Scheduler scheduler) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    @Override
    public void run(ApplicationArguments args) {
        closeAbandoned();
    }

    /** This instance, as the Quartz cluster knows it. */
    String instance() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    int closeAbandoned() {
        Set<String> live = new HashSet<>(liveInstances());
        live.add(instance());
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

    /** Quartz's table, read (never written) to learn which members of the cluster are alive. */
    private List<String> liveInstances() {
        try {
            return jdbc.sql("""
                    SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE
                    WHERE SCHED_NAME = ? AND LAST_CHECKIN_TIME + 2 * CHECKIN_INTERVAL + ? >= ?""")
                    .params(scheduler.getSchedulerName(), CHECKIN_GRACE_MILLIS * 2, System.currentTimeMillis())
                    .query(String.class).list();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
