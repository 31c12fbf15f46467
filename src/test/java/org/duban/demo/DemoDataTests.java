package org.duban.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duban.catalog.Indicator;
import org.duban.catalog.PlanCatalog;
import org.duban.collection.ObservationInput;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Criterion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo: a first start of the embedded default loads the simulated 2023 data and shows
 * warnings of every level; the data is the same on every run and clearly labelled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"duban.demo=true", "duban.clock.today=2023-10-15"})
@ActiveProfiles("test")
class DemoDataTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    RuleSets ruleSets;

    @Test
    void aFirstStartShowsWarningsOfEveryLevel() {
        assertThat(jdbc.sql("SELECT DISTINCT warning_level FROM early_warning WHERE status = 'OPEN'").query(String.class).list())
                .containsExactlyInAnyOrder("BLUE", "YELLOW", "ORANGE", "RED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM evaluation_run WHERE outcome = 'SUCCEEDED'").query(Integer.class).single()).isEqualTo(4);
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
        assertThat(open("RED")).contains("T27-1", "T35-1");
        assertThat(open("YELLOW")).contains("T54-3");
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
