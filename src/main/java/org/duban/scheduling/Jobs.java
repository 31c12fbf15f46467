package org.duban.scheduling;

import static org.quartz.CronScheduleBuilder.cronSchedule;
import static org.quartz.JobBuilder.newJob;
import static org.quartz.TriggerBuilder.newTrigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private record Definition(String name, Class<? extends Job> type, String cron, String description) {
    }

    /** A job as {@code GET /api/jobs} shows it. */
    public record JobView(String name, String description, String cron, Instant nextFireTime, Instant previousFireTime,
                          List<JobRunLog.JobRun> lastRuns) {
    }

    private final Scheduler scheduler;
    private final JobRunLog runLog;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final boolean autoStart;

    /** Cron expressions are read in Duban's zone (duban.zone), not the server's: 06:00 is 06:00 in 周村. */
    private final java.util.TimeZone zone;

    Jobs(Scheduler scheduler, JobRunLog runLog, ScheduleSettings settings, @Value("${duban.schedule.enabled:true}") boolean autoStart,
         java.time.Clock clock) {
        this.zone = java.util.TimeZone.getTimeZone(clock.getZone());
        this.scheduler = scheduler;
        this.runLog = runLog;
        this.autoStart = autoStart;
        define("evaluation", EvaluationJob.class, settings.evaluation(), "每日评估：按当日数据运行规则，更新预警");
        define("inbox", InboxJob.class, settings.inbox(), "收件箱：导入放入 inbox 文件夹的数据文件");
        define("digest", DigestJob.class, settings.digest(), "部门预警邮件：新增、升级、到期重复及已解除的预警");
        define("reminder", ReminderJob.class, settings.reminder(), "报送提醒：临近报送截止仍缺数据的部门");
        define("escalation", EscalationJob.class, settings.escalation(), "超期抄报：红色预警超过规定天数未确认，抄报领导");
        define("mail", MailJob.class, settings.mail(), "发送邮件：投递发件箱中的邮件，失败自动重试");
        define("prune", FiringPruneJob.class, settings.prune(), "清理触发日志：超过保留期（duban.firings.retention）的评估只保留引起预警变化的触发记录");
    }

    private void define(String name, Class<? extends Job> type, String cron, String description) {
        definitions.put(name, new Definition(name, type, cron, description));
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        scheduler.getListenerManager().addJobListener(runLog, GroupMatcher.jobGroupEquals(GROUP));
        for (Definition definition : definitions.values()) {
            register(definition);
        }
    }

    private void register(Definition definition) throws SchedulerException {
        JobDetail job = newJob(definition.type()).withIdentity(definition.name(), GROUP).withDescription(definition.description())
                .storeDurably().build();
        Trigger trigger;
        try {
            trigger = newTrigger().withIdentity(definition.name(), GROUP).forJob(job)
                    .withSchedule(cronSchedule(definition.cron()).inTimeZone(zone).withMisfireHandlingInstructionFireAndProceed()).build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("duban.schedule." + definition.name() + " 的 cron 表达式无效: \"" + definition.cron() + "\"（" + e.getMessage() + "）", e);
        }
        Trigger existing = scheduler.getTrigger(trigger.getKey());
        try {
            if (existing == null) {
                scheduler.addJob(job, true);
                scheduler.scheduleJob(trigger);
                log.info("已登记定时任务 {}（{}）", definition.name(), definition.cron());
            } else if (!(existing instanceof CronTrigger cron) || !cron.getCronExpression().equals(definition.cron())) {
                scheduler.addJob(job, true);
                scheduler.rescheduleJob(trigger.getKey(), trigger);
                log.info("定时任务 {} 的时间已改为 {}", definition.name(), definition.cron());
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
            Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(definition.name(), GROUP));
            views.add(new JobView(definition.name(), definition.description(),
                    trigger instanceof CronTrigger cron ? cron.getCronExpression() : definition.cron(),
                    trigger == null || trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant(),
                    trigger == null || trigger.getPreviousFireTime() == null ? null : trigger.getPreviousFireTime().toInstant(),
                    runLog.latest(definition.name(), 10)));
        }
        return views;
    }

    /** Runs a job now, on whichever instance of the cluster picks it up; false when there is no such job. */
    public boolean runNow(String name) throws SchedulerException {
        if (!definitions.containsKey(name)) {
            return false;
        }
        scheduler.triggerJob(JobKey.jobKey(name, GROUP));
        return true;
    }

}
