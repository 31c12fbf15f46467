package org.duban.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.SchedulerException;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records every job execution (start, end, outcome, instance) for {@code GET /api/jobs}. */
@Component
class JobRunLog extends JobListenerSupport {

    /** One execution of a job. */
    /** How a job's run ended, or that it has not. */
    enum Outcome {
        RUNNING, SUCCEEDED, FAILED
    }

    record JobRun(String job, String instance, Instant startedAt, Instant finishedAt, Outcome outcome, String message) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    JobRunLog(JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public String getName() {
        return "duban-job-run-log";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        jdbc.sql("INSERT INTO job_run (job_name, fire_id, instance, started_at, scheduled_for, outcome) VALUES (?, ?, ?, ?, ?, ?)")
                .params(context.getJobDetail().getKey().getName(), context.getFireInstanceId(), instance(context), Timestamp.from(clock.instant()),
                        context.getScheduledFireTime() == null ? null : new Timestamp(context.getScheduledFireTime().getTime()), Outcome.RUNNING.name())
                .update();
    }

    @Override
    public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
        String message = failure == null ? null : String.valueOf(failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
        jdbc.sql("UPDATE job_run SET finished_at = ?, outcome = ?, message = ? WHERE fire_id = ?")
                .params(Timestamp.from(clock.instant()), (failure == null ? Outcome.SUCCEEDED : Outcome.FAILED).name(),
                        message == null ? null : message.substring(0, Math.min(message.length(), 2000)), context.getFireInstanceId())
                .update();
    }

    /** The latest runs of these Quartz jobs together (a partitioned job's partitions), newest first. */
    List<JobRun> latest(List<String> jobs, int limit) {
        List<Object> params = new java.util.ArrayList<>(jobs);
        params.add(limit);
        String in = String.join(", ", java.util.Collections.nCopies(jobs.size(), "?"));
        return jdbc.sql("SELECT job_name, instance, started_at, finished_at, outcome, message FROM job_run WHERE job_name IN (" + in
                        + ") ORDER BY id DESC LIMIT ?")
                .params(params)
                .query((rs, n) -> new JobRun(rs.getString("job_name"), rs.getString("instance"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("message")))
                .list();
    }

    private static String instance(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return null;
        }
    }
}
