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

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
    @ActiveProfiles("test")
    abstract static class Contract {

        @Autowired
        JdbcClient jdbc;

        @Autowired
        Flyway flyway;

        @Autowired
        javax.sql.DataSource dataSource;

        @Test
        void createsEveryTableOfEveryModule() throws Exception {
            java.util.Set<String> present = new java.util.TreeSet<>();
            try (var connection = dataSource.getConnection();
                 var tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    present.add(tables.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            java.util.Set<String> owned = new java.util.TreeSet<>();
            TableOwnershipTests.OWNERS.values().forEach(owned::addAll);

            assertThat(present).containsAll(owned);
        }

        @Test
        void warningsAndTheirEventsPointAtRecordedRuns() throws Exception {
            assertThat(referenced("warning_event")).contains("evaluation_run", "early_warning");
            assertThat(referenced("early_warning")).contains("evaluation_run", "indicator", "plan", "task");
        }

        /** The tables a table's foreign keys refer to. */
        private java.util.Set<String> referenced(String table) throws Exception {
            java.util.Set<String> targets = new java.util.TreeSet<>();
            try (var connection = dataSource.getConnection()) {
                for (String name : List.of(table, table.toUpperCase(java.util.Locale.ROOT))) {
                    try (var keys = connection.getMetaData().getImportedKeys(connection.getCatalog(), null, name)) {
                        while (keys.next()) {
                            targets.add(keys.getString("PKTABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
            return targets;
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
