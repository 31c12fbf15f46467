package org.duban.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.duban.ConfigCopy;
import org.duban.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs that would not end: rules that loop only on evaluation data are cut off and the run
 * recorded FAILED naming the rule, and the next run works; runs left RUNNING by an instance that
 * died are closed as ABANDONED.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "duban.evaluation.timeout=20s")
@ActiveProfiles("test")
class EvaluationLimitsTests {

    static final ConfigCopy COPY = new ConfigCopy();
    static final LocalDate AS_OF = LocalDate.of(2023, 9, 30);

    @DynamicPropertySource
    static void copiedFiles(DynamicPropertyRegistry registry) {
        COPY.register(registry);
    }

    @Autowired
    Evaluations evaluations;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    AbandonedRuns abandonedRuns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.quartz.Scheduler scheduler;

    @Test
    void anInsertLoopAfterTheCriteriaLoadsButIsCutOffInEvaluationAndTheNextRunWorks() throws Exception {
        // salience -100: runs after everything else; matches only findings, which exist in evaluations, so the load is clean
        Files.writeString(COPY.rulesDir().resolve("tasks/loop.drl"), """
                package tasks;
                import org.duban.rules.facts.*;

                rule "T99-1 循环插入"
                    salience -100
                when
                    Finding()
                then
                    insert(new Finding("T99-X", Cause.MISSING, Level.BLUE, "循环"));
                end
                """);
        assertThat(ruleSets.reload().succeeded()).isTrue();

        assertThatThrownBy(() -> evaluations.run(Optional.of("zhoucun-2023"), AS_OF, "test"))
                .isInstanceOf(EvaluationFailed.class);

        EvaluationRun failed = evaluations.history(1).get(0);
        assertThat(failed.outcome()).isEqualTo(EvaluationRun.Outcome.FAILED);
        assertThat(failed.error()).contains("\"T99-1 循环插入\"（rules/tasks/loop.drl 第 4 行");

        COPY.reset();
        assertThat(ruleSets.reload().succeeded()).isTrue();
        assertThat(evaluations.run(Optional.of("zhoucun-2023"), AS_OF, "test").outcome()).isEqualTo(EvaluationRun.Outcome.SUCCEEDED);
    }

    @Test
    void runsOfADeadInstanceAreAbandonedAndThoseOfLiveInstancesKept() {
        long dead = running("dead-instance-1");
        long legacy = running(null);
        long live = running("live-instance-2");
        long own = running(abandonedRuns.instance());
        jdbc.sql("INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL) VALUES (?, ?, ?, ?)")
                .params(schedulerName(), "live-instance-2", System.currentTimeMillis(), 5000).update();
        jdbc.sql("INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL) VALUES (?, ?, ?, ?)")
                .params(schedulerName(), "dead-instance-1", System.currentTimeMillis() - 3_600_000, 5000).update();

        abandonedRuns.run(null); // what start-up does

        assertThat(outcome(dead)).isEqualTo(EvaluationRun.Outcome.ABANDONED);
        assertThat(evaluations.find(dead).orElseThrow().error()).contains("dead-instance-1");
        assertThat(outcome(legacy)).isEqualTo(EvaluationRun.Outcome.ABANDONED);
        assertThat(outcome(live)).isEqualTo(EvaluationRun.Outcome.RUNNING);
        assertThat(outcome(own)).isEqualTo(EvaluationRun.Outcome.RUNNING);
        jdbc.sql("UPDATE evaluation_run SET outcome = 'FAILED' WHERE id IN (?, ?)").params(live, own).update();
    }

    private long running(String instance) {
        long planId = jdbc.sql("SELECT id FROM plan WHERE code = 'zhoucun-2023'").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO evaluation_run (plan_id, as_of, started_at, rule_set_version, outcome, triggered_by, instance_id)
                VALUES (?, ?, ?, 'v', 'RUNNING', 'test', ?)""")
                .params(planId, AS_OF, Timestamp.from(Instant.now()), instance).update();
        return jdbc.sql("SELECT MAX(id) FROM evaluation_run").query(Long.class).single();
    }

    private EvaluationRun.Outcome outcome(long runId) {
        return evaluations.find(runId).orElseThrow().outcome();
    }

    private String schedulerName() {
        try {
            return scheduler.getSchedulerName();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
