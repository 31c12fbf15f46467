package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.duban.TestClock;
import org.duban.scheduling.Jobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * From reported values to mail in departments' inboxes, through the scheduled jobs and a real
 * SMTP server (GreenMail): recipients, subject and the numbers in the body; repeats held back;
 * SMTP down, then up, and each message arrives exactly once; RED escalated to the leaders.
 */
@SpringBootTest(properties = {"duban.clock.today=2023-09-30", "duban.notification.retry-delay=1s", "duban.notification.max-retry-delay=1s",
        "duban.notification.leaders=leader@zhoucun.example", "duban.notification.dashboard-url=https://duban.zhoucun.example",
        "duban.schedule.mail=0 0 0 1 1 ? 2099", "duban.schedule.digest=0 0 0 1 1 ? 2099"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class MailFlowTests {

    static final int PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /** Each test starts from no data and an empty mailbox, whatever ran before it. */
    @BeforeEach
    void startFromNothing() throws Exception {
        for (String table : List.of("notification_state", "escalation_notice", "mail_outbox", "warning_event", "early_warning", "rule_firing", "assessment",
                "evaluation_run", "observation")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    /** A water section worse than Ⅴ (RED) and a lagging employment figure (YELLOW), judged and mailed. */
    private void redWaterAndYellowJobsAreMailed() {
        submit("""
                [{"indicator":"T27-1","date":"2023-09-30","value":"劣Ⅴ"},
                 {"indicator":"T54-1","date":"2023-09-30","value":2430}]""");
        run("evaluation");
        run("digest");
        run("mail");
    }

    @Test
    void observationsBecomeDigestsInTheDepartmentsMailboxes() throws Exception {
        redWaterAndYellowJobsAreMailed();

        MimeMessage water = await().atMost(Duration.ofSeconds(20)).until(() -> to("shengtai@zhoucun.example"), negate()).get(0);
        assertThat(water.getSubject()).startsWith("【周村区重点工作预警】红1");
        assertThat(addresses(water, Message.RecipientType.CC)).contains("gongxin@zhoucun.example", "nongye@zhoucun.example");
        String waterText = plainText(water);
        assertThat(waterText).contains("T27-1", "孝妇河袁家桥断面水质类别", "优于Ⅴ类", "74.8%", "2023-12-31", "https://duban.zhoucun.example/warnings/");

        MimeMessage jobs = to("renshe@zhoucun.example").get(0);
        assertThat(jobs.getSubject()).startsWith("【周村区重点工作预警】").contains("黄");
        assertThat(jobs.getHeader("Message-ID")[0]).startsWith("<duban-outbox-");
        assertThat(plainText(jobs)).contains("T54-1", "新增城镇就业", "2430人", "≥4000人", "74.8%", "黄色");
        assertThat(GreenMailUtil.getBody(jobs)).contains("text/html", "text/plain");
        // the template's note to its editors stays in the template
        assertThat(jdbc.sql("SELECT html_body FROM mail_outbox WHERE to_addresses = 'renshe@zhoucun.example'").query(String.class).single())
                .contains("新增城镇就业").doesNotContain("可用变量");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status <> 'SENT'").query(Integer.class).single()).isZero();
    }

    @Test
    void unchangedWarningsAreNotMailedAgainBeforeTheRepeatInterval() {
        redWaterAndYellowJobsAreMailed();
        int before = smtp.getReceivedMessages().length;
        assertThat(before).isPositive();

        run("digest");
        run("mail");

        assertThat(smtp.getReceivedMessages()).hasSize(before);
    }

    @Test
    void withSmtpDownThenUpEachMessageArrivesExactlyOnce() throws Exception {
        smtp.stop();
        submit("[{\"indicator\":\"T30-1\",\"date\":\"2023-09-30\",\"value\":5200,\"reference\":5000}]");
        run("evaluation");
        run("digest");
        run("mail");
        assertThat(jdbc.sql("SELECT DISTINCT status FROM mail_outbox").query(String.class).list()).containsExactly("PENDING");
        assertThat(jdbc.sql("SELECT last_error FROM mail_outbox WHERE to_addresses = 'shuili@zhoucun.example'").query(String.class).single())
                .isNotBlank();

        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", "smtp"));
        smtp.start();
        clock.advance(Duration.ofSeconds(2)); // past the retry delay of 1 s
        run("mail");
        run("mail");

        MimeMessage quota = to("shuili@zhoucun.example").stream().filter(m -> subject(m).contains("红1")).findFirst().orElseThrow();
        assertThat(jdbc.sql("SELECT status, attempts FROM mail_outbox WHERE to_addresses = 'shuili@zhoucun.example'")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2)).single()).isEqualTo("SENT/2");
        // one copy in each recipient's mailbox, To and CC, and no second copy of it
        int recipients = addresses(quota, Message.RecipientType.TO).size() + addresses(quota, Message.RecipientType.CC).size();
        String id = messageId(quota);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> messageId(m).equals(id))).hasSize(recipients);
    }

    @Test
    void aRedWarningUnacknowledgedForDaysIsCopiedToTheLeadersOnce() throws Exception {
        submit("""
                [{"indicator":"T27-1","date":"2023-09-30","value":"劣Ⅴ"},
                 {"indicator":"T30-1","date":"2023-09-30","value":5200,"reference":5000}]""");
        run("evaluation");
        clock.advance(Duration.ofDays(4)); // the escalation comes after three days unacknowledged

        run("escalation");
        run("escalation");
        run("mail");

        List<MimeMessage> escalations = to("leader@zhoucun.example");
        assertThat(escalations).hasSize(2); // T27-1 (区生态环境分局) and T30-1 (区水利局)
        assertThat(escalations).extracting(MimeMessage::getSubject).allSatisfy(subject -> assertThat(subject).contains("红色预警超过 3 天未确认"));
        assertThat(escalations.stream().flatMap(m -> addresses(m, Message.RecipientType.CC).stream()).toList())
                .contains("shengtai@zhoucun.example", "shuili@zhoucun.example");
        assertThat(mvc.get().uri("/api/mail").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                .bodyJson().extractingPath("$[*].kind").asArray().containsOnly("ESCALATION");
    }

    private void submit(String json) {
        assertThat(mvc.post().uri("/api/observations").header(HttpHeaders.AUTHORIZATION, ADMIN).contentType(MediaType.APPLICATION_JSON).content(json))
                .hasStatus(HttpStatus.CREATED);
    }

    /** Runs a job through the scheduler and waits for that run to end (a partitioned job's every partition). */
    private void run(String job) {
        List<String> quartzJobs = jobs.quartzJobs(job);
        java.util.Map<String, Integer> before = new java.util.HashMap<>();
        quartzJobs.forEach(name -> before.put(name, runs(name)));
        try {
            jobs.runNow(job);
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> quartzJobs.stream().allMatch(name -> runs(name) > before.get(name)));
    }

    private int runs(String job) {
        return jdbc.sql("SELECT COUNT(*) FROM job_run WHERE job_name = ? AND finished_at IS NOT NULL").param(job).query(Integer.class).single();
    }

    /** Messages addressed To someone, one per Message-ID (GreenMail keeps a copy per recipient). */
    private static List<MimeMessage> to(String address) {
        java.util.Map<String, MimeMessage> unique = new java.util.LinkedHashMap<>();
        Arrays.stream(smtp.getReceivedMessages()).filter(m -> addresses(m, Message.RecipientType.TO).contains(address))
                .forEach(m -> unique.putIfAbsent(messageId(m), m));
        return List.copyOf(unique.values());
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) {
        try {
            return message.getRecipients(type) == null ? List.of()
                    : Arrays.stream(message.getRecipients(type)).map(Object::toString).collect(Collectors.toList());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain part of a multipart message. */
    private static String plainText(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static java.util.function.Predicate<List<MimeMessage>> negate() {
        return list -> !list.isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
