package org.duban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Comparison;
import org.duban.rules.facts.Criterion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The loaded plan against the published text: every task, its title and departments, and every
 * number of the seed either a target of its own task (with the seed's value) or knowingly not one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
class SeedConformanceTests {

    private static final String PLAN = "zhoucun-2023";

    /** Numbers in a task's text that are names or thresholds, not targets of the plan. */
    private static final Map<Integer, Set<String>> NOT_TARGETS = Map.of(
            4, Set.of("50"),        // “淄博人才金政 50 条”
            10, Set.of("10"),       // 营业收入超 10 亿 (a threshold; the target is 8 家)
            11, Set.of("5"),        // 5G
            20, Set.of("309"),      // 国道309
            23, Set.of("2021", "2035"),
            26, Set.of("30"),       // 30万千瓦以下 (a size threshold)
            37, Set.of("15"),       // “15 分钟生活圈”
            41, Set.of("10"),       // 米特加10万吨 (a project's name)
            56, Set.of("15"),       // “15 分钟健身圈”
            57, Set.of("20"));      // 20 条措施

    static SeedText seed;

    @Autowired
    PlanCatalog catalog;

    @Autowired
    RuleSets ruleSets;

    @BeforeAll
    static void readSeed() throws Exception {
        seed = SeedText.read();
    }

    @Test
    void hasEverySeedTaskInOrderWithItsTitle() {
        assertThat(seed.tasks()).extracting(SeedText.SeedTask::number).containsExactlyElementsOf(Stream.iterate(1, n -> n + 1).limit(65).toList());
        List<Task> tasks = catalog.tasks(PLAN);
        assertThat(tasks).extracting(Task::number).containsExactlyElementsOf(seed.tasks().stream().map(SeedText.SeedTask::number).toList());
        for (SeedText.SeedTask expected : seed.tasks()) {
            assertThat(tasks.get(expected.number() - 1).title()).as("title of task %d", expected.number()).isEqualTo(expected.title());
        }
        assertThat(tasks).extracting(Task::section).containsOnly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void namesTheSeedsLeadAndCooperatingDepartments() {
        for (SeedText.SeedTask expected : seed.tasks()) {
            Task task = catalog.task(PLAN, expected.number()).orElseThrow();
            assertThat(task.leadDepartments()).extracting(Department::name).as("lead of task %d", expected.number())
                    .containsExactlyElementsOf(expected.lead());
            assertThat(task.coDepartments()).extracting(Department::name).as("co of task %d", expected.number())
                    .containsExactlyElementsOf(expected.co());
        }
    }

    @Test
    void everyNumberOfTheSeedIsATargetOfItsOwnTask() {
        RuleSet rules = ruleSets.current(PLAN).orElseThrow();
        List<String> missing = new ArrayList<>();
        Pattern number = Pattern.compile("\\d+(?:\\.\\d+)?");
        for (SeedText.SeedTask expected : seed.tasks()) {
            Task task = catalog.task(PLAN, expected.number()).orElseThrow();
            List<BigDecimal> targets = Stream.concat(task.indicators().stream().map(Indicator::code), task.sharedIndicators().stream())
                    .map(code -> rules.criterion(code).orElseThrow().criterion())
                    .flatMap(criterion -> Stream.of(criterion.target(), criterion.upper()))
                    .filter(Objects::nonNull)
                    .toList();
            Matcher numbers = number.matcher(expected.body());
            while (numbers.find()) {
                String found = numbers.group();
                boolean isTarget = targets.stream().anyMatch(target -> target.compareTo(new BigDecimal(found)) == 0);
                if (!isTarget && !NOT_TARGETS.getOrDefault(expected.number(), Set.of()).contains(found)) {
                    missing.add("task " + expected.number() + ": " + found);
                }
            }
        }
        assertThat(missing).as("seed numbers with no criterion").isEmpty();
    }

    @Test
    void samplesOfTargetsCarryTheSeedsValuesAndDeadlines() {
        assertCriterion("T22-1", Comparison.AT_LEAST, "720");
        assertCriterion("T54-1", Comparison.AT_LEAST, "4000");
        assertCriterion("T54-2", Comparison.AT_LEAST, "8000");
        assertCriterion("T54-3", Comparison.AT_LEAST, "85");
        assertCriterion("T18-2", Comparison.AT_LEAST, "70");
        assertCriterion("T21-4", Comparison.AT_LEAST, "37.9");
        assertCriterion("T40-1", Comparison.HOLD_AT_LEAST, "12.67");
        assertThat(catalog.task(PLAN, 38).orElseThrow().sharedIndicators()).as("淦河治理 21 公里: one indicator of tasks 34 and 38")
                .containsExactly("T34-1");
        assertCriterion("T40-3", Comparison.HOLD_AT_LEAST, "9");
        assertCriterion("T19-1", Comparison.ABOVE, "0");
        assertCriterion("T43-1", Comparison.ABOVE, "0");
        assertThat(criterion("T38-1").comparison()).isEqualTo(Comparison.STARTED);
        assertThat(criterion("T21-2").comparison()).isEqualTo(Comparison.STARTED);
        assertThat(criterion("T21-5").comparison()).as("胶济客专周村站改造").isEqualTo(Comparison.STARTED);
        assertThat(criterion("T53-2").comparison()).as("古商城争创5A").isEqualTo(Comparison.STARTED);
        assertThat(List.of("T07-2", "T37-1", "T38-8", "T55-4", "T58-1", "T58-2", "T62-1"))
                .as("rates the plan says are reached by year end").allSatisfy(code -> assertThat(criterion(code).accumulating()).isTrue());
        assertThat(List.of("T54-3", "T27-3", "T38-9", "T09-1", "T14-3", "T31-1", "T17-1"))
                .as("rates that stand as they are").allSatisfy(code -> assertThat(criterion(code).accumulating()).isFalse());
        assertCriterion("T59-2", Comparison.HOLD_AT_LEAST, "99");
        assertThat(criterion("T38-12").comparison()).isEqualTo(Comparison.BETWEEN);
        assertThat(criterion("T38-12").target()).isEqualByComparingTo("2");
        assertThat(criterion("T38-12").upper()).isEqualByComparingTo("3");
        assertThat(criterion("T27-1").comparison()).isEqualTo(Comparison.BETTER_THAN);
        assertThat(criterion("T27-1").targetText()).isEqualTo("Ⅴ");
        assertThat(criterion("T30-1").comparison()).isEqualTo(Comparison.WITHIN_QUOTA);
        assertThat(criterion("T61-1").comparison()).isEqualTo(Comparison.BELOW_REFERENCE);
        assertThat(criterion("T21-1").comparison()).isEqualTo(Comparison.COMPLETED);
        assertThat(catalog.task(PLAN, 54).orElseThrow().indicators()).extracting(Indicator::unit).containsExactly("人", "万元", "%");
    }

    @Test
    void everyTaskHasACriterionWithADeadlineInThePlanYear() {
        RuleSet rules = ruleSets.current(PLAN).orElseThrow();
        for (Task task : catalog.tasks(PLAN)) {
            assertThat(task.indicators()).as("indicators of task %d", task.number()).isNotEmpty();
            for (Indicator indicator : task.indicators()) {
                assertThat(rules.criterion(indicator.code())).as(indicator.code()).get()
                        .satisfies(stated -> assertThat(stated.criterion().deadline().getYear()).isEqualTo(2023));
            }
        }
    }

    private void assertCriterion(String code, Comparison comparison, String target) {
        Criterion criterion = criterion(code);
        assertThat(criterion.comparison()).as(code).isEqualTo(comparison);
        assertThat(criterion.target()).as(code).isEqualByComparingTo(target);
        assertThat(criterion.deadline()).as(code).hasToString("2023-12-31");
    }

    private Criterion criterion(String code) {
        return ruleSets.current(PLAN).orElseThrow().criterion(code).orElseThrow().criterion();
    }
}
