package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.duban.ConfigCopy;
import org.duban.DubanTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Five plans of four regions on 15 March 2024, evaluated partition by partition on threads of one
 * instance, as the benchmark and the Quartz threads do: each active plan gets exactly one run, and
 * the runs of different plans may overlap.
 */
@DubanTest
@TestPropertySource(properties = {"duban.clock.today=2024-03-15", "duban.schedule.enabled=false"})
class PartitionedEvaluationTests {

    static final ConfigCopy COPY = new ConfigCopy().withExample("zhangdian").withNextYear().withDistrictsLikeZhangdian("boshan", "linzi");
    static final LocalDate DAY = LocalDate.of(2024, 3, 15);
    static final List<String> ACTIVE = List.of("boshan-2023", "linzi-2023", "zhangdian-2023", "zhoucun-2023", "zhoucun-2024");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        COPY.register(registry);
    }

    @Autowired
    Evaluations evaluations;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noRunsYet() {
        for (String table : List.of("warning_event", "early_warning", "rule_firing", "assessment", "evaluation_run")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    @Test
    void partitionsOnParallelThreadsEvaluateEveryActivePlanOnce() throws Exception {
        int count = 3;
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<List<EvaluationRun>>> runs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Partition partition = new Partition(i, count);
                runs.add(threads.submit(() -> evaluations.runActive(DAY, "测试", partition)));
            }
            List<String> plans = new ArrayList<>();
            for (Future<List<EvaluationRun>> run : runs) {
                run.get().forEach(done -> plans.add(done.plan()));
            }
            assertThat(plans).containsExactlyInAnyOrderElementsOf(ACTIVE);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT p.code FROM evaluation_run r JOIN plan p ON p.id = r.plan_id WHERE r.outcome = 'SUCCEEDED'")
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(ACTIVE);
    }

    @Test
    void aPartitionEvaluatesOnlyItsRegionsPlansAndAllOfThem() {
        // zhoucun falls in partition 2 of 3 (PartitionTests): this year's plan and next year's
        assertThat(evaluations.runActive(DAY, "测试", new Partition(2, 3))).extracting(EvaluationRun::plan)
                .containsExactlyInAnyOrder("zhoucun-2023", "zhoucun-2024");
        assertThat(evaluations.runActive(DAY, "测试", new Partition(1, 3))).extracting(EvaluationRun::plan)
                .containsExactlyInAnyOrder("zhangdian-2023", "linzi-2023");
    }

    @Test
    void theTwoArgumentRunIsEveryPartition() {
        assertThat(evaluations.runActive(DAY, "测试")).extracting(EvaluationRun::plan).containsExactlyInAnyOrderElementsOf(ACTIVE);
    }
}
