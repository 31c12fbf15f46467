package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.Logins.ADMIN;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.duban.ConfigCopy;
import org.duban.MariaDb;
import org.duban.DubanClock;
import org.duban.TestClock;
import org.duban.assessment.Evaluations;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Two regions and three plans side by side ({@link PlansSideBySide}) on 8 March 2024, when
 * zhoucun-2023 is still collecting final figures while zhoucun-2024 and zhangdian-2024 run: every
 * mail job covers every active plan; each department is told under its own region's name, sender
 * and dashboard; targets and deadlines come from the warning's own plan; a department in two plans
 * gets one mail with a section per plan.
 */
class MailPerRegionTests {

    static final ConfigCopy COPY = new ConfigCopy();

    static {
        PlansSideBySide.write(COPY);
    }

    @SpringBootTest(properties = {"duban.clock.today=2024-03-08", "duban.notification.leaders=leader@zibo.example",
            "duban.notification.dashboard-url=https://duban.zhoucun.example", "duban.notification.outbox-dir=target/test-outbox-regions",
            // escalate at once, so this class never moves its clock (the days' wait is MailFlowTests' concern)
            "duban.notification.escalation-days=0",
            "duban.schedule.evaluation=0 0 0 1 1 ? 2099", "duban.schedule.digest=0 0 0 1 1 ? 2099", "duban.schedule.reminder=0 0 0 1 1 ? 2099",
            "duban.schedule.escalation=0 0 0 1 1 ? 2099", "duban.schedule.mail=0 0 0 1 1 ? 2099"})
    @AutoConfigureMockMvc
    @ActiveProfiles("test")
    @Import(TestClock.Configuration.class)
    abstract static class Contract {

        @DynamicPropertySource
        static void copiedFiles(DynamicPropertyRegistry registry) {
            COPY.register(registry);
        }

        @Autowired
        Notifications notifications;

        @Autowired
        MailDelivery delivery;

        @Autowired
        Evaluations evaluations;

        @Autowired
        PlanCatalog catalog;

        @Autowired
        DubanClock clock;

        @Autowired
        MockMvcTester mvc;

        @Autowired
        JdbcClient jdbc;

        @BeforeEach
        void startFromNothing() {
            for (String table : List.of("notification_state", "escalation_notice", "mail_outbox", "warning_event", "early_warning", "rule_firing",
                    "assessment", "evaluation_run", "observation")) {
                jdbc.sql("DELETE FROM " + table).update();
            }
        }

        @Test
        void threePlansOfTwoRegionsAreActiveOnTheDay() {
            assertThat(catalog.activePlans(clock.today())).extracting(Plan::code)
                    .containsExactlyInAnyOrder("zhoucun-2023", "zhoucun-2024", "zhangdian-2024");
        }

        @Test
        void eachDepartmentIsToldUnderItsOwnRegionsNameSenderAndDashboard() throws Exception {
            evaluateActivePlans();

            assertThat(notifications.composeDigests()).isPositive();
            delivery.deliverDue();

            // same code (renshe) and name (区人力资源社会保障局) in both regions: two departments, two letterheads
            Sent zhangdian = single("DIGEST", "renshe@zhangdian.example");
            assertThat(zhangdian.message().getSubject()).startsWith("【张店区重点工作预警】");
            assertThat(zhangdian.from()).isEqualTo(PlansSideBySide.ZHANGDIAN_FROM);
            assertThat(zhangdian.plans()).containsExactly("zhangdian-2024");
            assertThat(zhangdian.text()).contains("以下是张店区重点工作任务", "张店区2024年重点工作任务", "T01-1 新增城镇就业", "目标：≥5000人", "截止日期：2024-12-31",
                    "https://duban.zhangdian.example/warnings/", "https://duban.zhangdian.example/departments/renshe?region=zhangdian&plan=zhangdian-2024")
                    .doesNotContain("周村区", "duban.zhoucun.example");
            assertThat(zhangdian.html()).contains("https://duban.zhangdian.example/tasks/1?plan=zhangdian-2024").doesNotContain("周村区");

            Sent zhoucun = single("DIGEST", "renshe@zhoucun.example");
            assertThat(zhoucun.message().getSubject()).startsWith("【周村区重点工作预警】");
            assertThat(zhoucun.from()).isEqualTo("duban@zhoucun.example"); // config/regions/zhoucun.yaml
            assertThat(zhoucun.text()).contains("以下是周村区重点工作任务", "T54-1 新增城镇就业", "目标：≥4000人",
                    "https://duban.zhoucun.example/warnings/", // no dashboard-url in zhoucun.yaml: duban.notification.dashboard-url
                    "https://duban.zhoucun.example/departments/renshe?region=zhoucun&plan=zhoucun-2024")
                    .doesNotContain("张店区", "zhangdian");

            // no digest of either region lacks a target or deadline, or names the other region
            for (Sent digest : all("DIGEST")) {
                assertThat(digest.text()).doesNotContain("目标：—", "截止日期：—", "时间进度：—");
                boolean zhangdianMail = digest.to().endsWith("@zhangdian.example");
                assertThat(digest.message().getSubject()).startsWith(zhangdianMail ? "【张店区" : "【周村区");
                assertThat(digest.text()).doesNotContain(zhangdianMail ? "周村区" : "张店区");
            }
        }

        @Test
        void aDepartmentInTwoPlansGetsOneDigestWithASectionPerPlan() throws Exception {
            evaluateActivePlans();

            notifications.composeDigests();
            delivery.deliverDue();

            Sent keji = single("DIGEST", "keji@zhoucun.example");
            assertThat(keji.plans()).containsExactlyInAnyOrder("zhoucun-2023", "zhoucun-2024");
            String text = keji.text();
            assertThat(text).containsOnlyOnce("━━ 周村区深化新旧动能转换推动绿色低碳高质量发展2023年重点工作任务 ━━")
                    .containsOnlyOnce("━━ 周村区深化新旧动能转换推动绿色低碳高质量发展2024年重点工作任务 ━━");
            // T01-1 in each plan, each with its own plan's deadline and link
            String section2023 = section(text, "2023年重点工作任务");
            String section2024 = section(text, "2024年重点工作任务");
            assertThat(section2023).contains("T01-1", "截止日期：2023-12-31", "/departments/keji?region=zhoucun&plan=zhoucun-2023")
                    .doesNotContain("截止日期：2024-12-31");
            assertThat(section2024).contains("T01-1", "截止日期：2024-12-31", "/departments/keji?region=zhoucun&plan=zhoucun-2024")
                    .doesNotContain("截止日期：2023-12-31");
            assertThat(keji.html()).contains("2023年重点工作任务</a></h3>", "2024年重点工作任务</a></h3>", "/tasks/1?plan=zhoucun-2023", "/tasks/1?plan=zhoucun-2024");

            assertThat(mvc.get().uri("/api/mail?plan=zhoucun-2023&region=zhoucun").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                    .bodyJson().extractingPath("$[?(@.to == 'keji@zhoucun.example')].plans").asArray().hasSize(1);
            assertThat(mvc.get().uri("/api/mail?region=zhangdian").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                    .bodyJson().extractingPath("$[*].regionName").asArray().isNotEmpty().containsOnly("张店区");
            assertThat(mvc.get().uri("/api/mail?plan=zhangdian-2024").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatusOk()
                    .bodyJson().extractingPath("$[*].region").asArray().isNotEmpty().containsOnly("zhangdian");
            assertThat(mvc.get().uri("/api/mail?plan=zhoucun-2099").header(HttpHeaders.AUTHORIZATION, ADMIN)).hasStatus(HttpStatus.BAD_REQUEST);
        }

        @Test
        void remindersCoverEveryActivePlanUnderEachRegion() throws Exception {
            assertThat(notifications.composeReminders()).isPositive();
            delivery.deliverDue();

            // February's reports are due on 10 March in both 2024 plans
            Sent zhangdian = single("REMINDER", "renshe@zhangdian.example");
            assertThat(zhangdian.message().getSubject()).isEqualTo("【张店区重点工作】数据报送提醒：1 项指标将于 2024-03-10 截止");
            assertThat(zhangdian.from()).isEqualTo(PlansSideBySide.ZHANGDIAN_FROM);
            assertThat(zhangdian.text()).contains("张店区2024年重点工作任务", "T01-1 新增城镇就业（2024年2月",
                    "https://duban.zhangdian.example/departments/renshe?region=zhangdian&plan=zhangdian-2024");
            Sent keji = single("REMINDER", "keji@zhoucun.example");
            assertThat(keji.message().getSubject()).startsWith("【周村区重点工作】数据报送提醒：");
            assertThat(keji.plans()).containsExactly("zhoucun-2024");
            assertThat(keji.text()).contains("2024年2月").doesNotContain("张店区");
            // zhoucun-2023 is active (final figures) but owes no more monthly reports: it is asked for none of 2024's
            assertThat(all("REMINDER")).flatExtracting(Sent::plans).contains("zhoucun-2024", "zhangdian-2024").doesNotContain("zhoucun-2023");
        }

        @Test
        void escalationsCoverEveryActivePlanOneMailPerDepartmentWithASectionPerPlan() throws Exception {
            submit("zhoucun-2024", "[{\"indicator\":\"T27-1\",\"date\":\"2024-02-29\",\"value\":\"劣Ⅴ\"}]");
            submit("zhangdian-2024", "[{\"indicator\":\"T02-1\",\"date\":\"2024-02-29\",\"value\":\"劣Ⅴ\"}]");
            evaluateActivePlans();

            assertThat(notifications.composeEscalations()).isPositive();
            assertThat(notifications.composeEscalations()).isZero(); // each red spell once
            delivery.deliverDue();

            Sent zhangdian = all("ESCALATION").stream().filter(m -> m.cc().contains("shengtai@zhangdian.example")).findFirst().orElseThrow();
            assertThat(zhangdian.to()).isEqualTo("leader@zibo.example");
            assertThat(zhangdian.from()).isEqualTo(PlansSideBySide.ZHANGDIAN_FROM);
            assertThat(zhangdian.message().getSubject()).isEqualTo("【张店区重点工作预警】红色预警超过 0 天未确认：2. 改善河流水质");
            assertThat(zhangdian.text()).contains("张店区2024年重点工作任务", "目标 优于Ⅴ类", "截止 2024-12-31",
                    "https://duban.zhangdian.example/warnings/").doesNotContain("周村区");

            List<Sent> shengtai = all("ESCALATION").stream().filter(m -> m.cc().contains("shengtai@zhoucun.example")).toList();
            assertThat(shengtai).singleElement().satisfies(mail -> {
                assertThat(mail.plans()).containsExactlyInAnyOrder("zhoucun-2023", "zhoucun-2024");
                assertThat(mail.message().getSubject()).startsWith("【周村区重点工作预警】红色预警超过 0 天未确认：");
                assertThat(mail.text()).contains("━━ 周村区深化新旧动能转换推动绿色低碳高质量发展2023年重点工作任务 ━━",
                        "━━ 周村区深化新旧动能转换推动绿色低碳高质量发展2024年重点工作任务 ━━", "截止 2024-12-31", "截止 2023-12-31")
                        .doesNotContain("张店区", "目标 —", "截止 —");
            });
            // one escalation per lead department: no department has two
            assertThat(all("ESCALATION")).extracting(Sent::cc).doesNotHaveDuplicates();
        }

        /** What the outbox wrote and delivered as an .eml file. */
        record Sent(MimeMessage message, String text, String html, String from, String to, String cc, List<String> plans) {
        }

        private void evaluateActivePlans() {
            for (Plan plan : catalog.activePlans(clock.today())) {
                evaluations.run(Optional.of(plan.code()), clock.today(), "test");
            }
        }

        private void submit(String plan, String json) {
            assertThat(mvc.post().uri("/api/observations?plan=" + plan).header(HttpHeaders.AUTHORIZATION, ADMIN)
                    .contentType(MediaType.APPLICATION_JSON).content(json)).hasStatus(HttpStatus.CREATED);
        }

        private Sent single(String kind, String to) {
            List<Sent> found = all(kind).stream().filter(m -> m.to().equals(to)).toList();
            assertThat(found).as(kind + " to " + to).hasSize(1);
            return found.get(0);
        }

        private List<Sent> all(String kind) {
            return jdbc.sql("SELECT file_path, plan_codes FROM mail_outbox WHERE kind = ? AND status = 'SENT' ORDER BY id").param(kind)
                    .query((rs, n) -> read(Path.of(rs.getString("file_path")), List.of(rs.getString("plan_codes").split(","))))
                    .list();
        }

        private static Sent read(Path file, List<String> plans) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                return new Sent(message, part(message, "text/plain"), part(message, "text/html"), message.getFrom()[0].toString(),
                        String.join(",", Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList()),
                        message.getRecipients(Message.RecipientType.CC) == null ? ""
                                : String.join(",", Arrays.stream(message.getRecipients(Message.RecipientType.CC)).map(Object::toString).toList()),
                        plans);
            } catch (Exception e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        }

        /** The text between a section's heading and the next one's. */
        private static String section(String text, String heading) {
            int start = text.indexOf(heading);
            assertThat(start).as("section " + heading).isNotNegative();
            int next = text.indexOf("━━ ", text.indexOf("━━", start) + 2);
            return next < 0 ? text.substring(start) : text.substring(start, next);
        }

        /** The decoded part of that type of a multipart message. */
        private static String part(jakarta.mail.Part part, String type) throws Exception {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = part(multipart.getBodyPart(i), type);
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        }
    }

    @Nested
    class OnH2 extends Contract {
    }

    @Nested
    @ExtendWith(MariaDb.class)
    class OnMariaDb extends Contract {

        @DynamicPropertySource
        static void mariadb(DynamicPropertyRegistry registry) {
            MariaDb.register(registry);
        }
    }
}
