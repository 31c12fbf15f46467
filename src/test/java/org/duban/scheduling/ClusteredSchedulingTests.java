package org.duban.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.duban.DubanApplication;
import org.duban.MariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Quartz's clustered JDBC store as Duban configures it: two Duban instances on one MariaDB
 * database run each firing of a job once, not twice; and a firing missed while Duban was down
 * runs once after start-up, not once per missed day.
 */
class ClusteredSchedulingTests {

    @TempDir
    Path temp;

    @Test
    @ExtendWith(MariaDb.class)
    void twoInstancesOnOneMariaDbRunEachFiringOnce() throws Exception {
        String database = MariaDb.createDatabase();
        List<String> cluster = new ArrayList<>(mariadb(database));
        cluster.add("--spring.quartz.scheduler-name=duban-cluster-" + database); // one cluster: one name, as in production
        try (ConfigurableApplicationContext first = start("a", cluster);
             ConfigurableApplicationContext second = start("b", cluster)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(40)).until(() -> count(jdbc, "SELECT COUNT(*) FROM job_run WHERE job_name = 'inbox'") >= 8);
            assertThat(jdbc.sql("SELECT instance_name FROM QRTZ_SCHEDULER_STATE").query(String.class).list()).hasSize(2);
        }
        try (Connection connection = MariaDb.connect(database); Statement statement = connection.createStatement();
             ResultSet doubled = statement.executeQuery(
                     "SELECT scheduled_for, COUNT(*) FROM job_run WHERE job_name = 'inbox' GROUP BY scheduled_for HAVING COUNT(*) > 1")) {
            List<String> twice = new ArrayList<>();
            while (doubled.next()) {
                twice.add(doubled.getString(1) + " ×" + doubled.getInt(2));
            }
            assertThat(twice).as("firings executed more than once").isEmpty();
        }
    }

    @Test
    void aFiringMissedWhileDownRunsOnceAfterStartUp() {
        List<String> h2 = List.of("--spring.datasource.url=jdbc:h2:file:" + temp.resolve("db/duban") + ";MODE=MariaDB",
                "--spring.quartz.scheduler-name=duban-" + temp.getFileName());
        try (ConfigurableApplicationContext before = start("down", h2)) {
            assertThat(count(before.getBean(JdbcClient.class), "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE 'evaluation-partition-%'"))
                    .isEqualTo(4);
        }
        // three days pass with Duban down: each partition of its daily evaluation should have fired three times
        try (ConfigurableApplicationContext offline = new SpringApplicationBuilder(DubanApplication.class).run(args("down", h2,
                "--duban.schedule.enabled=false"))) {
            offline.getBean(JdbcClient.class).sql("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE TRIGGER_NAME LIKE 'evaluation-partition-%'")
                    .param(System.currentTimeMillis() - Duration.ofDays(3).toMillis()).update();
        }

        try (ConfigurableApplicationContext after = start("down", h2)) {
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            // once the runs are over, the triggers point to a future day and nothing of them is being fired: no second run can come
            await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, "SELECT COUNT(*) FROM job_run WHERE job_name LIKE 'evaluation-partition-%' AND finished_at IS NOT NULL") >= 4
                    && count(jdbc, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE TRIGGER_NAME LIKE 'evaluation-partition-%'") == 0);
            assertThat(jdbc.sql("SELECT CONCAT(job_name, ' ', outcome) FROM job_run WHERE job_name LIKE 'evaluation-partition-%'").query(String.class).list())
                    .containsExactlyInAnyOrder("evaluation-partition-0 SUCCEEDED", "evaluation-partition-1 SUCCEEDED", "evaluation-partition-2 SUCCEEDED",
                            "evaluation-partition-3 SUCCEEDED");
            assertThat(jdbc.sql("SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE 'evaluation-partition-%'").query(Long.class).list())
                    .hasSize(4).allMatch(next -> next > System.currentTimeMillis());
        }
    }

    @Test
    void changingThePartitionCountReRegistersTheEvaluationTriggers() {
        List<String> h2 = List.of("--spring.datasource.url=jdbc:h2:file:" + temp.resolve("db/duban") + ";MODE=MariaDB",
                "--spring.quartz.scheduler-name=duban-" + temp.getFileName(), "--duban.schedule.enabled=false");
        try (ConfigurableApplicationContext six = new SpringApplicationBuilder(DubanApplication.class).run(args("n", h2,
                "--duban.evaluation.partitions=6"))) {
            assertThat(evaluationTriggers(six)).containsExactly("evaluation-partition-0", "evaluation-partition-1", "evaluation-partition-2",
                    "evaluation-partition-3", "evaluation-partition-4", "evaluation-partition-5");
        }
        try (ConfigurableApplicationContext two = new SpringApplicationBuilder(DubanApplication.class).run(args("n", h2,
                "--duban.evaluation.partitions=2"))) {
            assertThat(evaluationTriggers(two)).containsExactly("evaluation-partition-0", "evaluation-partition-1");
            assertThat(count(two.getBean(JdbcClient.class), "SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE JOB_NAME LIKE 'evaluation%'")).isEqualTo(2);
            assertThat(two.getBean(Jobs.class).quartzJobs("evaluation")).containsExactly("evaluation-partition-0", "evaluation-partition-1");
        }
    }

    private static List<String> evaluationTriggers(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE 'evaluation%' ORDER BY TRIGGER_NAME")
                .query(String.class).list();
    }

    private ConfigurableApplicationContext start(String node, List<String> database) {
        return new SpringApplicationBuilder(DubanApplication.class).run(args(node, database));
    }

    private String[] args(String node, List<String> database, String... more) {
        List<String> args = new ArrayList<>(List.of("--duban.data-dir=" + temp.resolve(node), "--spring.main.web-application-type=none",
                "--duban.demo=false", "--duban.rules.watch=false", "--duban.clock.today=2023-10-15", "--duban.admin-password=cluster-test",
                "--duban.schedule.inbox=0/1 * * * * ?", "--duban.schedule.mail=0 0 0 1 1 ? 2099", "--duban.schedule.digest=0 0 0 1 1 ? 2099",
                "--duban.schedule.reminder=0 0 0 1 1 ? 2099", "--duban.schedule.escalation=0 0 0 1 1 ? 2099"));
        args.addAll(database);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> mariadb(String database) {
        String url = System.getenv().getOrDefault("DUBAN_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        return List.of("--spring.datasource.url=" + (url.isBlank() ? "jdbc:mariadb://127.0.0.1:3306/" : url) + database,
                "--spring.datasource.username=" + System.getenv().getOrDefault("DUBAN_TEST_MARIADB_USER", "root"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("DUBAN_TEST_MARIADB_PASSWORD", ""));
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
