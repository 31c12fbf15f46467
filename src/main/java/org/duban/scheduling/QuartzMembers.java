package org.duban.scheduling;

import java.util.HashSet;
import java.util.Set;

import org.duban.assessment.ClusterMembers;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cluster's members as Quartz's clustered job store knows them. */
@Component
class QuartzMembers implements ClusterMembers {

    /** Quartz's own allowance before it declares a member failed ({@code JobStoreSupport.calcFailedIfAfter}), doubled. */
    private static final long CHECKIN_GRACE_MILLIS = 7_500;

    private final Scheduler scheduler;
    private final JdbcClient jdbc;

    QuartzMembers(Scheduler scheduler, JdbcClient jdbc) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
    }

    @Override
    public String self() {
        try {
            return scheduler.getSchedulerInstanceId();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Quartz's table, read (never written) to learn which members are alive. */
    @Override
    public Set<String> alive() {
        try {
            Set<String> alive = new HashSet<>(jdbc.sql("""
                    SELECT INSTANCE_NAME FROM QRTZ_SCHEDULER_STATE
                    WHERE SCHED_NAME = ? AND LAST_CHECKIN_TIME + 2 * CHECKIN_INTERVAL + ? >= ?""")
                    .params(scheduler.getSchedulerName(), CHECKIN_GRACE_MILLIS * 2, System.currentTimeMillis())
                    .query(String.class).list());
            alive.add(self());
            return alive;
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
