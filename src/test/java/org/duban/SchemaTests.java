package org.duban;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Flyway migrations build the whole schema on H2 and on MariaDB, and a restart drops nothing. */
class SchemaTests {

    static final List<String> DOMAIN_TABLES = List.of("region", "department", "plan", "plan_section", "task",
            "task_department", "indicator", "observation", "evaluation_run", "early_warning", "warning_event",
            "rule_firing", "mail_outbox", "app_user");
    static final List<String> QUARTZ_TABLES = List.of("QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS",
            "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS",
            "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_FIRED_TRIGGERS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS");

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
    @ActiveProfiles("test")
    abstract static class Contract {

        @Autowired
        JdbcClient jdbc;

        @Autowired
        Flyway flyway;

        @Test
        void createsEveryDomainAndQuartzTable() {
            for (String table : DOMAIN_TABLES) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).as(table).isNotNull();
            }
            for (String table : QUARTZ_TABLES) {
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single()).as(table).isNotNull();
            }
        }

        @Test
        void migratingAgainAppliesNothingAndKeepsSchedulerRows() {
            jdbc.sql("INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME) VALUES ('schema-test', 'KEEP_ME')").update();

            int applied = flyway.migrate().migrationsExecuted;

            assertThat(applied).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM QRTZ_LOCKS WHERE SCHED_NAME = 'schema-test'").query(Integer.class).single()).isEqualTo(1);
            assertThat(flyway.info().applied()).extracting(info -> info.getVersion().getVersion()).contains("1", "2");
        }

        @Test
        void keepsChineseTextIntact() {
            String text = "孝妇河袁家桥断面 劣Ⅴ类 “四强”产业 ≥ 85%";
            jdbc.sql("INSERT INTO region (code, name, parent_name) VALUES ('schema-test', ?, '淄博市')").param(text).update();

            assertThat(jdbc.sql("SELECT name FROM region WHERE code = 'schema-test'").query(String.class).single()).isEqualTo(text);
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
