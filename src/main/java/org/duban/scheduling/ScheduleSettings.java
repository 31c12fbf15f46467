package org.duban.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the jobs run (Quartz cron: seconds minutes hours day-of-month month day-of-week).
 *
 * @param evaluation the daily evaluation of the plan, as of today
 * @param inbox      collecting files dropped in the inbox
 */
@ConfigurationProperties("duban.schedule")
public record ScheduleSettings(@DefaultValue("0 0 6 * * ?") String evaluation, @DefaultValue("0 * * * * ?") String inbox) {
}
