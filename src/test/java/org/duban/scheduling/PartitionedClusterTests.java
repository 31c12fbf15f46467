package org.duban.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.ConfigCopy;
import org.duban.DubanApplication;
import org.duban.MariaDb;
import org.duban.assessment.Partition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily evaluation cut into partitions over a cluster: two Duban instances on one MariaDB
 * database, five active plans of four regions (zhoucun with this year's and next year's plan) in
 * three partitions. One "run now" fires every partition's trigger; between them the instances
 * evaluate each partition exactly once and every active plan exactly once, each plan on the
 * instance that took its partition.
 */
class PartitionedClusterTests {

    static final int PARTITIONS = 3;
    static final Map<String, String> REGION_OF = Map.of("boshan-2023", "boshan", "linzi-2023", "linzi", "zhangdian-2023", "zhangdian",
            "zhoucun-2023", "zhoucun", "zhoucun-2024", "zhoucun");

    @TempDir
    Path temp;

    @Test
    @ExtendWith(MariaDb.class)
    void twoInstancesEvaluateEachPartitionAndEachPlanOnce() throws Exception {
        ConfigCopy copy = new ConfigCopy().withExample("zhangdian").withNextYear().withDistrictsLikeZhangdian("boshan", "linzi");
        // the regions cover every partition, so no trigger is idle by construction (PartitionTests pins the hash)
        for (int i = 0; i < PARTITIONS; i++) {
            Partition partition = new Partition(i, PARTITIONS);
            assertThat(REGION_OF.values()).as("regions of %s", partition).anyMatch(partition::includesRegion);
        }
        String database = MariaDb.createDatabase();
        try (ConfigurableApplicationContext first = start("a", database, copy);
             ConfigurableApplicationContext second = start("b", database, copy)) {
            Set<String> instances = Set.of(first.getBean(Scheduler.class).getSchedulerInstanceId(),
                    second.getBean(Scheduler.class).getSchedulerInstanceId());
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT TRIGGER_NAME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME LIKE 'evaluation%' ORDER BY TRIGGER_NAME")
                    .query(String.class).list()).containsExactly("evaluation-partition-0", "evaluation-partition-1", "evaluation-partition-2");

            assertThat(first.getBean(Jobs.class).runNow("evaluation")).isTrue();

            await().atMost(Duration.ofSeconds(90)).until(() -> count(jdbc,
                    "SELECT COUNT(*) FROM job_run WHERE job_name LIKE 'evaluation-partition-%' AND finished_at IS NOT NULL") >= PARTITIONS
                    && count(jdbc, "SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS") == 0
                    && count(jdbc, "SELECT COUNT(*) FROM evaluation_run WHERE outcome = 'RUNNING'") == 0);

            Map<String, String> partitionRanOn = new HashMap<>();
            List<String> partitionRuns = new ArrayList<>();
            jdbc.sql("SELECT job_name, instance, outcome FROM job_run WHERE job_name LIKE 'evaluation-partition-%'").query(rs -> {
                partitionRuns.add(rs.getString("job_name") + " " + rs.getString("outcome"));
                partitionRanOn.put(rs.getString("job_name"), rs.getString("instance"));
            });
            assertThat(partitionRuns).as("each partition exactly once").containsExactlyInAnyOrder("evaluation-partition-0 SUCCEEDED",
                    "evaluation-partition-1 SUCCEEDED", "evaluation-partition-2 SUCCEEDED");
            assertThat(partitionRanOn.values()).as("by the instances of the cluster").isSubsetOf(instances);

            List<String> plans = new ArrayList<>();
            jdbc.sql("SELECT p.code, r.outcome, r.instance_id FROM evaluation_run r JOIN plan p ON p.id = r.plan_id").query(rs -> {
                String plan = rs.getString("code");
                plans.add(plan + " " + rs.getString("outcome"));
                int index = partitionOf(REGION_OF.get(plan));
                assertThat(rs.getString("instance_id")).as("%s ran on the instance that took partition %d", plan, index)
                        .isEqualTo(partitionRanOn.get(Jobs.partitionJob("evaluation", index)));
            });
            assertThat(plans).as("every active plan exactly once").containsExactlyInAnyOrder("boshan-2023 SUCCEEDED", "linzi-2023 SUCCEEDED",
                    "zhangdian-2023 SUCCEEDED", "zhoucun-2023 SUCCEEDED", "zhoucun-2024 SUCCEEDED");
            System.out.println("partitions by instance: " + partitionRanOn);
        }
    }

    private static int partitionOf(String region) {
        for (int i = 0; i < PARTITIONS; i++) {
            if (new Partition(i, PARTITIONS).includesRegion(region)) {
                return i;
            }
        }
        throw new IllegalStateException(region);
    }

    private ConfigurableApplicationContext start(String node, String database, ConfigCopy copy) {
        String url = System.getenv().getOrDefault("DUBAN_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String never = "0 0 0 1 1 ? 2099";
        return new SpringApplicationBuilder(DubanApplication.class).run(
                "--duban.data-dir=" + temp.resolve(node), "--spring.main.web-application-type=none", "--duban.demo=false",
                "--duban.rules.watch=false", "--duban.clock.today=2024-03-15", "--duban.admin-password=cluster-test",
                "--duban.config-dir=" + copy.configDir(), "--duban.rules-dir=" + copy.rulesDir(),
                "--duban.evaluation.partitions=" + PARTITIONS,
                // one thread each and a short idle wait: the second instance takes triggers while the first is busy
                "--spring.quartz.properties.org.quartz.threadPool.threadCount=1",
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000",
                "--duban.schedule.evaluation=" + never, "--duban.schedule.inbox=" + never, "--duban.schedule.mail=" + never,
                "--duban.schedule.digest=" + never, "--duban.schedule.reminder=" + never, "--duban.schedule.escalation=" + never,
                "--spring.quartz.scheduler-name=duban-cluster-" + database,
                "--spring.datasource.url=" + (url.isBlank() ? "jdbc:mariadb://127.0.0.1:3306/" : url) + database,
                "--spring.datasource.username=" + System.getenv().getOrDefault("DUBAN_TEST_MARIADB_USER", "root"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("DUBAN_TEST_MARIADB_PASSWORD", ""));
    }

    private static int count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
