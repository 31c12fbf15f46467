package org.duban.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers the outbox: over SMTP when {@code spring.mail.host} is set, else as {@code .eml} files
 * under the outbox folder. A failed attempt is retried later with a doubling delay; after the
 * last attempt the message stays in the outbox as FAILED, to be retried by hand.
 */
@Service
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** How long a claimed message may take before another attempt may take it over. */
    private static final Duration LEASE = Duration.ofMinutes(5);

    /** What one pass did. */
    public record Delivered(int sent, int failed) {
    }

    private final Outbox outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final NotificationSettings settings;
    private final Clock clock;

    MailDelivery(Outbox outbox, ObjectProvider<JavaMailSender> smtp, NotificationSettings settings, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
    }

    public Delivered deliverDue() {
        int sent = 0;
        int failed = 0;
        for (long id : outbox.due(200)) {
            var message = outbox.claim(id, clock.instant().plus(LEASE));
            if (message.isEmpty()) {
                continue;
            }
            Outbox.Pending pending = message.get();
            try {
                String file = send(pending);
                outbox.sent(id, file);
                sent++;
            } catch (Exception e) {
                int attempt = pending.attempts() + 1;
                boolean giveUp = attempt >= settings.maxAttempts();
                Duration delay = settings.retryDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
                if (delay.compareTo(settings.maxRetryDelay()) > 0) {
                    delay = settings.maxRetryDelay();
                }
                outbox.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant().plus(delay), giveUp);
                failed++;
                log.warn("邮件 {} 第 {} 次发送失败{}: {}", id, attempt, giveUp ? "，已停止重试（可在 /api/mail 中重新发送）" : "，" + delay.toSeconds() + " 秒后重试", e.getMessage());
            }
        }
        return new Delivered(sent, failed);
    }

    /** Sends one message; returns the .eml file when written to disk instead. */
    private String send(Outbox.Pending pending) throws MessagingException, IOException {
        JavaMailSender sender = smtp.getIfAvailable();
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
        // the region's sender, fixed when the message was written; rows from before regions had one: the global sender
        String from = pending.from() == null || pending.from().isBlank() ? settings.from() : pending.from();
        MimeMessage message = new FixedIdMessage(session, "<duban-outbox-" + pending.id() + "@" + host(from) + ">");
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(pending.to().split(","));
        if (pending.cc() != null && !pending.cc().isBlank()) {
            helper.setCc(pending.cc().split(","));
        }
        helper.setSubject(pending.subject());
        helper.setText(pending.text(), pending.html());
        if (sender != null) {
            sender.send(message);
            return null;
        }
        Path folder = settings.outboxDir();
        Files.createDirectories(folder);
        Path file = folder.resolve("mail-" + pending.id() + ".eml");
        message.saveChanges();
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file.toString();
    }

    private static String host(String address) {
        int at = address.indexOf('@');
        return at < 0 ? "duban" : address.substring(at + 1);
    }

    /** A message whose Message-ID is fixed by its outbox row, so a repeat is recognisable. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
