package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;


import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.duban.DubanTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * With no SMTP server configured (the embedded default) mail is written as .eml files under the
 * outbox folder and listed by the API; reporting reminders go to departments with data still
 * missing a few days before it is due, once per due date.
 */
@DubanTest
@TestPropertySource(properties = {"duban.clock.today=2023-10-08", "duban.notification.outbox-dir=target/test-outbox"})
class MailWithoutSmtpTests {


    @Autowired
    Notifications notifications;

    @Autowired
    MailDelivery delivery;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void remindersBecomeEmlFilesListedByTheApi() throws Exception {
        jdbc.sql("DELETE FROM mail_outbox").update();

        int written = notifications.composeReminders();
        assertThat(notifications.composeReminders()).isZero();
        MailDelivery.Delivered delivered = delivery.deliverDue();

        assertThat(written).isPositive();
        assertThat(delivered.sent()).isEqualTo(written);
        List<String> files = jdbc.sql("SELECT file_path FROM mail_outbox WHERE kind = 'REMINDER' AND to_addresses = 'keji@zhoucun.example'")
                .query(String.class).list();
        assertThat(files).singleElement();
        MimeMessage message;
        try (InputStream in = Files.newInputStream(Path.of(files.get(0)))) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(message.getSubject()).isEqualTo("【周村区重点工作】数据报送提醒：5 项指标将于 2023-10-10 截止");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("keji@zhoucun.example");
        assertThat(mvc.get().uri("/api/mail").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                .bodyJson().extractingPath("$[?(@.to == 'keji@zhoucun.example')].status").asArray().containsExactly("SENT");
    }
}
