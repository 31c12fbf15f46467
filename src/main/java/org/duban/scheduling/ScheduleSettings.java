package org.duban.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the jobs run (Quartz cron: seconds minutes hours day-of-month month day-of-week).
 *
 * @param evaluation the daily evaluation of the plan, as of today
 * @param inbox      collecting files dropped in the inbox
 * @param digest     the departments' warning digests (weekly)
 * @param reminder   reminders of reports due soon and not yet in (daily)
 * @param escalation copying long-unacknowledged RED warnings to the leaders (daily)
 * @param mail       delivering the outbox, with retries
 * @param prune      thinning the firing log of runs older than {@code duban.firings.retention} (daily, at night,
 *                   before the morning's evaluation)
 */
@ConfigurationProperties("duban.schedule")
public record ScheduleSettings(@DefaultValue("0 0 6 * * ?") String evaluation, @DefaultValue("0 * * * * ?") String inbox,
                               @DefaultValue("0 0 8 ? * MON") String digest, @DefaultValue("0 0 9 * * ?") String reminder,
                               @DefaultValue("0 30 8 * * ?") String escalation, @DefaultValue("0/30 * * * * ?") String mail,
                               @DefaultValue("0 30 3 * * ?") String prune) {
}
