package org.duban.scheduling;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Date;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.duban.assessment.EvaluationSettings;

import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

/**
 * The scheduled jobs: registers them in Quartz's store at start-up, changes a trigger only when its
 * cron expression in the settings changed (so restarts neither reset nor double anything), lists
 * them with their next and last runs, and runs one now on request. A firing missed while Duban
 * was down runs once after start-up ("fire and proceed"), not once per missed day.
 */
@Service
@Order(5)
public class Jobs implements ApplicationRunner {

    static final String GROUP = "duban";
    private static final String PARTITION = "-partition-";
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** A job as the settings define it; {@code partitions} above 0 makes it one Quartz job per partition. */
    private record Definition(String name, Class<? extends Job> type, String cron, String description, int partitions) {

        /** The Quartz jobs (and triggers, named alike) behind it: itself, or {@code evaluation-partition-0} … */
        List<String> quartzJobs() {
            return partitions == 0 ? List.of(name) : IntStream.range(0, partitions).mapToObj(i -> partitionJob(name, i)).toList();
        }
    }

    /**
     * A job as {@code GET /api/jobs} shows it. A partitioned job is one entry: its next fire time is
     * the earliest of its triggers', its last runs those of all its partitions ({@code quartzJobs}).
     */
    public record JobView(String name, String description, String cron, Instant nextFireTime, Instant previousFireTime,
                          List<JobRunLog.JobRun> lastRuns, List<String> quartzJobs) {
    }

    private final Scheduler scheduler;
    private final JobRunLog runLog;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final boolean autoStart;

    /** Cron expressions are read in Duban's zone (duban.zone), not the server's: 06:00 is 06:00 in 周村. */
    private final java.util.TimeZone zone;

    Jobs(Scheduler scheduler, JobRunLog runLog, ScheduleSettings settings, EvaluationSettings evaluation,
         @Value("${duban.schedule.enabled:true}") boolean autoStart, java.time.Clock clock) {
        this.zone = java.util.TimeZone.getTimeZone(clock.getZone());
        this.scheduler = scheduler;
        this.runLog = runLog;
        this.autoStart = autoStart;
        definitions.put("evaluation", new Definition("evaluation", EvaluationJob.class, settings.evaluation(),
                "每日评估：按当日数据运行规则，更新预警（分 " + evaluation.partitions() + " 个分区，可并行、可分布到集群各实例）",
                evaluation.partitions()));
        define("inbox", InboxJob.class, settings.inbox(), "收件箱：导入放入 inbox 文件夹的数据文件");
        define("digest", DigestJob.class, settings.digest(), "部门预警邮件：新增、升级、到期重复及已解除的预警");
        define("reminder", ReminderJob.class, settings.reminder(), "报送提醒：临近报送截止仍缺数据的部门");
        define("escalation", EscalationJob.class, settings.escalation(), "超期抄报：红色预警超过规定天数未确认，抄报领导");
        define("mail", MailJob.class, settings.mail(), "发送邮件：投递发件箱中的邮件，失败自动重试");
        define("prune", FiringPruneJob.class, settings.prune(), "清理触发日志：超过保留期（duban.firings.retention）的评估只保留引起预警变化的触发记录");
    }

    private void define(String name, Class<? extends Job> type, String cron, String description) {
        definitions.put(name, new Definition(name, type, cron, description, 0));
    }

    static String partitionJob(String name, int index) {
        return name + PARTITION + index;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        scheduler.getListenerManager().addJobListener(runLog, GroupMatcher.jobGroupEquals(GROUP));
        removeUndefined();
        for (Definition definition : definitions.values()) {
            List<String> quartzJobs = definition.quartzJobs();
            for (int i = 0; i < quartzJobs.size(); i++) {
                register(definition, quartzJobs.get(i), definition.partitions() == 0 ? null : i);
            }
        }
        checkThreads();
    }

    /**
     * Deletes the stored jobs (and their triggers) the settings no longer define: the partitions
     * beyond a lowered {@code duban.evaluation.partitions}, and the single evaluation job of
     * versions before partitions.
     */
    private void removeUndefined() throws SchedulerException {
        Set<String> defined = definitions.values().stream().flatMap(d -> d.quartzJobs().stream()).collect(Collectors.toSet());
        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!defined.contains(key.getName()) && scheduler.deleteJob(key)) {
                log.info("已删除不再设置的定时任务 {}（例如分区数 duban.evaluation.partitions 已改变）", key.getName());
            }
        }
    }

    /** Partitions beyond the pool's threads wait for each other, and the inbox and mail wait for them. */
    private void checkThreads() throws SchedulerException {
        int partitions = definitions.get("evaluation").partitions();
        int threads = scheduler.getMetaData().getThreadPoolSize();
        if (threads < partitions + 1) {
            log.warn("Quartz 线程数 {} 少于评估分区数 {} 加 1：本实例上的分区不能全部并行，评估期间收件箱和邮件也要等待。"
                    + "请把 spring.quartz.properties.org.quartz.threadPool.threadCount 设为至少 {}", threads, partitions, partitions + 2);
        }
    }

    private void register(Definition definition, String name, Integer partition) throws SchedulerException {
        var builder = newJob(definition.type()).withIdentity(name, GROUP).withDescription(definition.description()).storeDurably();
        if (partition != null) {
            builder.usingJobData(EvaluationJob.PARTITION, partition);
        }
        JobDetail job = builder.build();
        Trigger trigger;
        try {
            trigger = newTrigger().withIdentity(name, GROUP).forJob(job)
                    .withSchedule(cronSchedule(definition.cron()).inTimeZone(zone).withMisfireHandlingInstructionFireAndProceed()).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("duban.schedule." + definition.name() + " 的 cron 表达式无效: \"" + definition.cron() + "\"（" + e.getMessage() + "）", e);
        }
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        try {
            if (existing == null) {
                scheduler.addJob(job, true);
                scheduler.scheduleJob(trigger);
                log.info("已登记定时任务 {}（{}）", name, definition.cron());
            } else if (!(existing instanceof CronTrigger cron) || !cron.getCronExpression().equals(definition.cron())) {
                scheduler.addJob(job, true);
                scheduler.rescheduleJob(trigger.getKey(), trigger);
                log.info("定时任务 {} 的时间已改为 {}", name, definition.cron());
            }
        } catch (ObjectAlreadyExistsException e) {
            // another instance of the cluster registered it at the same moment: that is fine
        }
    }

    /**
     * Starts the scheduler once Duban is ready: after the plan and its rules are loaded and the run
     * log listens, so a firing missed while Duban was down runs against the real rules.
     * ({@code spring.quartz.auto-startup} is false for this reason.)
     */
    @EventListener(ApplicationReadyEvent.class)
    void startWhenReady() throws SchedulerException {
        if (!scheduler.isStarted() && autoStart) {
            scheduler.start();
            log.info("定时任务调度已启动（实例 {}）", scheduler.getSchedulerInstanceId());
        }
    }

    public List<JobView> list() throws SchedulerException {
        List<JobView> views = new ArrayList<>();
        for (Definition definition : definitions.values()) {
            String cron = definition.cron();
            Date next = null;
            Date previous = null;
            for (String name : definition.quartzJobs()) {
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(name, GROUP));
                if (trigger instanceof CronTrigger stored) {
                    cron = stored.getCronExpression();
                }
                next = earliest(next, trigger == null ? null : trigger.getNextFireTime());
                previous = latest(previous, trigger == null ? null : trigger.getPreviousFireTime());
            }
            views.add(new JobView(definition.name(), definition.description(), cron, next == null ? null : next.toInstant(),
                    previous == null ? null : previous.toInstant(), runLog.latest(definition.quartzJobs(), 10), definition.quartzJobs()));
        }
        return views;
    }

    private static Date earliest(Date a, Date b) {
        return a == null ? b : b == null || a.before(b) ? a : b;
    }

    private static Date latest(Date a, Date b) {
        return a == null ? b : b == null || a.after(b) ? a : b;
    }

    /**
     * Runs a job now, on whichever instance of the cluster picks it up: a partitioned job every
     * partition (each on whichever instance is free), or one partition named by its Quartz job
     * ({@code evaluation-partition-2}); false when there is no such job.
     */
    public boolean runNow(String name) throws SchedulerException {
        List<String> quartzJobs = quartzJobs(name);
        for (String job : quartzJobs) {
            scheduler.triggerJob(JobKey.jobKey(job, GROUP));
        }
        return !quartzJobs.isEmpty();
    }

    /** The Quartz jobs a job name stands for (their names are {@code job_run.job_name}); empty when there is no such job. */
    public List<String> quartzJobs(String name) {
        Definition definition = definitions.get(name);
        if (definition != null) {
            return definition.quartzJobs();
        }
        return definitions.values().stream().flatMap(d -> d.quartzJobs().stream()).filter(name::equals).toList();
    }

}
