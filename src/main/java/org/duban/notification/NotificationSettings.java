package org.duban.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings ({@code duban.notification.*}); the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from            the sender address
 * @param dashboardUrl    the dashboard's public address, for links in the mail
 * @param repeatInterval  an unchanged warning is mailed again only after this long
 * @param escalationDays  a RED warning unacknowledged this many days is copied to the leaders
 * @param leaders         the office leaders' addresses, for escalations
 * @param reminderDays    remind a department this many days before a report is due
 * @param maxAttempts     delivery attempts before a message is marked FAILED
 * @param retryDelay      the first retry's delay; each next one doubles, up to maxRetryDelay
 * @param templates       the mail templates (digest, reminder, escalation; .html and .txt)
 * @param outboxDir       where messages go as .eml files when no SMTP server is configured
 */
@ConfigurationProperties("duban.notification")
public record NotificationSettings(
        @DefaultValue("duban@zhoucun.example") String from,
        @DefaultValue("http://localhost:8080") String dashboardUrl,
        @DefaultValue("7d") Duration repeatInterval,
        @DefaultValue("3") int escalationDays,
        @DefaultValue List<String> leaders,
        @DefaultValue("3") int reminderDays,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration retryDelay,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("./config/mail") Path templates,
        @DefaultValue("./data/outbox") Path outboxDir) {
}
