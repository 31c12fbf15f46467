package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.duban.ConfigCopy;
import org.duban.MariaDb;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Storing plan files: idempotent, updating in place, never losing reported data; on H2 and MariaDB. */
class PlanStorageTests {

    static final ConfigCopy COPY = new ConfigCopy();
    static final PlanCatalog.PlanCheck NO_CHECK = plans -> java.util.Map.of();

    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
    @ActiveProfiles("test")
    abstract static class Contract {

        @Autowired
        PlanCatalog catalog;

        @Autowired
        JdbcClient jdbc;

        @BeforeEach
        void loadTheOriginals() {
            COPY.reset();
            catalog.load(NO_CHECK);
        }

        @Test
        void storesAllTasksDepartmentsAndIndicators() {
            List<Task> tasks = catalog.tasks("zhoucun-2023");

            assertThat(tasks).hasSize(65);
            assertThat(tasks).allSatisfy(task -> {
                assertThat(task.leadDepartments()).isNotEmpty();
                assertThat(task.indicators()).isNotEmpty();
            });
            assertThat(catalog.task("zhoucun-2023", 54).orElseThrow().leadDepartments()).extracting(Department::name)
                    .containsExactly("区发展改革局", "区人力资源社会保障局");
            assertThat(catalog.departments()).extracting(Department::name).contains("各相关部门", "区有关部门", "周村交警大队");
        }

        @Test
        void loadingTwiceChangesNothing() {
            List<String> before = snapshot();

            catalog.load(NO_CHECK);

            assertThat(snapshot()).isEqualTo(before);
        }

        @Test
        void anEditedFileUpdatesThePlanInPlace() {
            long id = taskId(22);
            COPY.replace(COPY.planFile(), "name: 新增新能源汽车充电桩", "name: 新增公共充电桩");
            COPY.replace(COPY.planFile(), "co: [区工业和信息化局, 周村交警大队", "co: [周村交警大队");

            catalog.load(NO_CHECK);

            Task task = catalog.task("zhoucun-2023", 22).orElseThrow();
            assertThat(taskId(22)).isEqualTo(id);
            assertThat(task.indicators()).extracting(Indicator::name).containsExactly("新增公共充电桩");
            assertThat(task.coDepartments()).extracting(Department::name).first().isEqualTo("周村交警大队");
        }

        @Test
        void anIndicatorWithReportedDataCannotBeDroppedAndNothingChanges() {
            long indicator = jdbc.sql("SELECT id FROM indicator WHERE code = 'T22-1'").query(Long.class).single();
            jdbc.sql("INSERT INTO observation (indicator_id, period_date, revision, value_number, channel, submitted_by, submitted_at) "
                    + "VALUES (?, DATE '2023-03-31', 1, 120, 'API', 'test', CURRENT_TIMESTAMP)").param(indicator).update();
            COPY.replace(COPY.planFile(), "title: 大力发展绿色智慧交通", "title: 改过的标题");
            COPY.replace(COPY.planFile(), "code: T22-1", "code: T22-2");

            assertThatThrownBy(() -> catalog.load(NO_CHECK)).isInstanceOf(CatalogException.class)
                    .hasMessageContaining("指标 T22-1 已有上报数据或预警，不能从计划中删除");
            assertThat(catalog.task("zhoucun-2023", 22).orElseThrow().title()).isEqualTo("大力发展绿色智慧交通");
            jdbc.sql("DELETE FROM observation WHERE indicator_id = ?").param(indicator).update();
        }

        private long taskId(int number) {
            return jdbc.sql("SELECT id FROM task WHERE task_no = ?").param(number).query(Long.class).single();
        }

        private List<String> snapshot() {
            return jdbc.sql("""
                    SELECT CONCAT(t.id, ':', t.task_no, ':', t.title, ':', i.id, ':', i.code, ':', i.name) FROM task t
                    JOIN indicator i ON i.task_id = t.id ORDER BY i.id""").query(String.class).list();
        }
    }

    @Nested
    class OnH2 extends Contract {

        @DynamicPropertySource
        static void copiedFiles(DynamicPropertyRegistry registry) {
            COPY.register(registry);
        }
    }

    @Nested
    @ExtendWith(MariaDb.class)
    class OnMariaDb extends Contract {

        @DynamicPropertySource
        static void mariadbAndCopiedFiles(DynamicPropertyRegistry registry) {
            MariaDb.register(registry);
            COPY.register(registry);
        }
    }
}
