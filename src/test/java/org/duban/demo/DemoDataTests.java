package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.assessment.Evaluations;
import org.duban.assessment.Judgement;
import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.catalog.PlanCatalog;
import org.duban.collection.ObservationInput;
import org.duban.collection.Observations;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Level;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo: a first start of the embedded default loads the simulated 2023 data and shows
 * warnings of every level; the data is the same on every run and clearly labelled.
 */
// incremental evaluation on, as in production: the demo replays its year with its own runs, and no other
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"duban.demo=true", "duban.clock.today=2023-10-15", "duban.evaluation.incremental=true"})
@ActiveProfiles("test")
class DemoDataTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    RuleSets ruleSets;

    @Autowired
    Evaluations evaluations;

    @Autowired
    Observations observations;

    static final String PLAN = "zhoucun-2023";

    @Test
    void aFirstStartShowsWarningsOfEveryLevel() {
        assertThat(jdbc.sql("SELECT DISTINCT warning_level FROM early_warning WHERE status = 'OPEN'").query(String.class).list())
                .containsExactlyInAnyOrder("BLUE", "YELLOW", "ORANGE", "RED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_run WHERE outcome = 'SUCCEEDED'").query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT DISTINCT kind FROM evaluation_run").query(String.class).list()).containsExactly("FULL");
        assertThat(jdbc.sql("SELECT DISTINCT channel FROM observation").query(String.class).list()).containsExactly("DEMO");
        assertThat(jdbc.sql("SELECT DISTINCT note FROM observation").query(String.class).list()).containsExactly("模拟数据");
    }

    @Test
    void everyIndicatorHasDataAndTheStoryOfThePlanIsThere() {
        List<ObservationInput> rows = generate();

        assertThat(rows).extracting(ObservationInput::indicator).containsAll(indicators().stream().map(Indicator::code).toList());
        assertThat(values(rows, "T27-1")).contains("Ⅴ", "Ⅳ");
        assertThat(values(rows, "T54-3")).anySatisfy(v -> assertThat(new BigDecimal(v)).isLessThan(new BigDecimal("85")));
        assertThat(rows.stream().filter(r -> r.date().compareTo("2023-07-01") > 0).map(ObservationInput::indicator).distinct().count())
                .as("some indicators stop reporting after June").isLessThan(indicators().size());
        assertThat(open("RED")).contains("T35-1");
        assertThat(open("ORANGE")).contains("T27-1");
        assertThat(open("YELLOW")).contains("T54-3");
        List<String> stocks = indicators().stream().filter(i -> i.kind() == IndicatorKind.LEVEL).map(Indicator::code).toList();
        assertThat(stocks).as("stock indicators carry their start-of-year value with the year's first report")
                .allSatisfy(code -> assertThat(rows.stream().filter(r -> r.indicator().equals(code)).findFirst().orElseThrow().reference()).isNotNull());
    }

    @Test
    void theDemoShowsEveryCauseOverTheYearForItsOwnReasons() {
        Set<Cause> causes = EnumSet.noneOf(Cause.class);
        for (String day : List.of("2023-06-30", "2023-10-15", "2023-12-05", "2024-01-01", "2024-03-01")) {
            LocalDate asOf = LocalDate.parse(day);
            evaluations.judge(PLAN, asOf, observations.latestUpTo(PLAN, asOf)).findings().forEach(f -> causes.add(f.cause()));
        }
        assertThat(causes).containsExactlyInAnyOrder(Cause.values());
    }

    @Test
    void onNewYearsDayOnlyABreachAlreadyReportedIsRed() {
        LocalDate newYear = LocalDate.parse("2024-01-01");
        Judgement judgement = evaluations.judge(PLAN, newYear, observations.latestUpTo(PLAN, newYear));

        assertThat(judgement.findings()).filteredOn(f -> f.level() == Level.RED).isNotEmpty()
                .allSatisfy(f -> assertThat(f.cause()).as(f.message()).isEqualTo(Cause.LIMIT));
        assertThat(judgement.findings()).extracting(Finding::cause).contains(Cause.FINAL_PENDING).doesNotContain(Cause.OVERDUE);
    }

    @Test
    void noIndicatorHasMoreThanOneOpenWarning() {
        assertThat(jdbc.sql("SELECT indicator_id FROM early_warning WHERE status <> 'RESOLVED' GROUP BY indicator_id HAVING COUNT(*) > 1")
                .query(Long.class).list()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM early_warning WHERE status <> 'RESOLVED'").query(Integer.class).single()).isPositive();
    }

    @Test
    void theSameDataOnEveryRun() {
        assertThat(generate()).isEqualTo(generate());
    }

    private List<String> open(String level) {
        return jdbc.sql("SELECT i.code FROM early_warning w JOIN indicator i ON i.id = w.indicator_id WHERE w.status = 'OPEN' AND w.warning_level = ?")
                .param(level).query(String.class).list();
    }

    private List<ObservationInput> generate() {
        Map<String, Criterion> criteria = new HashMap<>();
        ruleSets.current("zhoucun-2023").orElseThrow().criteria().forEach((code, stated) -> criteria.put(code, stated.criterion()));
        return new DemoData(2023).generate(indicators(), criteria);
    }

    private List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        catalog.tasks("zhoucun-2023").forEach(task -> all.addAll(task.indicators()));
        return all;
    }

    private static List<String> values(List<ObservationInput> rows, String code) {
        return rows.stream().filter(r -> r.indicator().equals(code)).map(r -> String.valueOf(r.value())).toList();
    }
}
