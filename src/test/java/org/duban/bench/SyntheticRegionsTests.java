package org.duban.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.TestClock;
import org.duban.assessment.Evaluations;
import org.duban.collection.Compliance;
import org.duban.rules.RuleSets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The benchmark's data must be worth measuring: a city of 8 synthetic counties loads through the
 * real catalog and rules, its targets differ between counties, and a year of its observations
 * raises warnings of every level, with late and missing reports among them.
 */
@SpringBootTest(properties = {"duban.clock.today=2024-03-31", "duban.demo=false"})
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class SyntheticRegionsTests {

    static final Path TREE;

    static {
        try {
            TREE = Files.createTempDirectory("duban-bench-");
            new SyntheticRegions(Path.of("."), 8).write(TREE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("duban.config-dir", () -> TREE.resolve("config").toString());
        registry.add("duban.rules-dir", () -> TREE.resolve("rules").toString());
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Evaluations evaluations;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    Compliance compliance;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCityOfEightCountiesLoadsWithTargetsVaryingByCountyAndRaisesEveryLevel() {
        assertThat(ruleSets.lastLoad().errors()).isEmpty();
        Set<String> targets = List.of(0, 1, 2, 7).stream()
                .map(i -> ruleSets.current(SyntheticRegions.plan(i)).orElseThrow().criterion("T22-1").orElseThrow().criterion().target().toPlainString())
                .collect(Collectors.toSet());
        assertThat(targets).hasSize(4).contains("432", "1008"); // 720 × 0.6 and × 1.4
        assertThat(jdbc.sql("SELECT parent_code FROM region WHERE code = 'x0008'").query(String.class).single()).isEqualTo("c001");
        assertThat(jdbc.sql("SELECT parent_code FROM region WHERE code = 'c001'").query(String.class).single()).isEqualTo("s01");

        jdbc.sql("DELETE FROM observation").update();
        long loaded = new BulkLoad(context).loadAll();
        assertThat(loaded).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM observation").query(Long.class).single()).isGreaterThan(8 * 500);
        assertThatThrownBy(() -> new BulkLoad(context).loadAll()).hasMessageContaining("已有");

        LocalDate asOf = LocalDate.of(2023, 10, 15); // September's reports due 10 October: some late, some not in yet (蓝)
        assertThat(evaluations.runActive(asOf, EndToEnd.BY)).hasSize(8);
        assertThat(jdbc.sql("SELECT DISTINCT warning_level FROM early_warning").query(String.class).list())
                .containsExactlyInAnyOrder("BLUE", "YELLOW", "ORANGE", "RED");
        assertThat(jdbc.sql("SELECT DISTINCT cause FROM early_warning").query(String.class).list()).contains("MISSING");
        var report = compliance.report(Optional.of(SyntheticRegions.plan(0)), asOf, Optional.empty());
        assertThat(report.departments().stream().mapToInt(Compliance.DepartmentCompliance::late).sum()).isPositive();
        assertThat(report.departments().stream().mapToInt(Compliance.DepartmentCompliance::missing).sum()).isPositive();
    }

    @Test
    void variantsScaleQuantitiesFullyAndRatesByAQuarterNeverAbove100() throws IOException {
        String drl = Files.readString(Path.of("rules/tasks/t54.drl"), StandardCharsets.UTF_8);
        var kinds = TargetVariants.kinds(Files.readString(Path.of("config/plans/zhoucun-2023.yaml"), StandardCharsets.UTF_8));
        String high = TargetVariants.scaled(drl, kinds, 1.4);
        assertThat(high).contains("atLeast(5600)", "atLeast(11200)", "atLeast(94)"); // 4000 ×1.4, 8000 ×1.4, 85 % × 1.1
        assertThat(TargetVariants.scaled("insert(Criterion.of(\"T38-6\").holdAtLeast(100).by(\"2023-12-31\"));", java.util.Map.of("T38-6", "RATE"), 1.4))
                .contains("holdAtLeast(100)");
        assertThatThrownBy(() -> new SyntheticRegions(Path.of("."), 0)).hasMessageContaining("规模");
    }

}
