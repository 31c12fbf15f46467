package org.duban.demo;

import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.DubanClock;
import org.duban.assessment.Evaluations;
import org.duban.catalog.Indicator;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Channel;
import org.duban.collection.ObservationIntake;
import org.duban.collection.Observations;
import org.duban.collection.Submitter;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.ReportingPeriod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of the embedded default (H2, no observations yet) and unless
 * {@code --duban.demo=false}, loads the simulated 2023 data and evaluates it at the end of each
 * quarter so far and on today's date, so the warnings and their history are there at once. Never
 * touches a server database such as MariaDB.
 */
@Component
@Order(20)
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final boolean enabled;
    /** The one plan the demo data is made for; never whichever plan happens to sort first. */
    private final String demoPlan;
    private final String datasourceUrl;
    private final PlanCatalog catalog;
    private final RuleSets ruleSets;
    private final ObservationIntake intake;
    private final Evaluations evaluations;
    private final DubanClock clock;
    private final Observations observations;

    DemoLoader(@Value("${duban.demo:true}") boolean enabled, @Value("${duban.demo-plan:zhoucun-2023}") String demoPlan,
               @Value("${spring.datasource.url:}") String datasourceUrl, PlanCatalog catalog,
               RuleSets ruleSets, ObservationIntake intake, Evaluations evaluations, DubanClock clock, Observations observations) {
        this.enabled = enabled;
        this.demoPlan = demoPlan;
        this.datasourceUrl = datasourceUrl;
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.intake = intake;
        this.evaluations = evaluations;
        this.clock = clock;
        this.observations = observations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || !datasourceUrl.startsWith("jdbc:h2:")) {
            return;
        }
        if (observations.any()) {
            return;
        }
        Optional<Plan> plan = catalog.plan(Optional.of(demoPlan));
        Optional<RuleSet> rules = plan.flatMap(p -> ruleSets.current(p.code()));
        if (plan.isEmpty() || rules.isEmpty()) {
            log.warn("演示数据所属的计划 {}（duban.demo-plan）或其规则未能加载，未载入演示数据", demoPlan);
            return;
        }
        load(plan.get(), rules.get());
    }

    private void load(Plan plan, RuleSet rules) {
        List<Indicator> indicators = new ArrayList<>();
        for (Task task : catalog.tasks(plan.code())) {
            indicators.addAll(task.indicators());
        }
        Map<String, Criterion> criteria = new HashMap<>();
        rules.criteria().forEach((code, stated) -> criteria.put(code, stated.criterion()));
        // only what departments would have sent by now: a demo pinned to October has no December figures yet
        Instant now = clock.instant();
        var rows = new DemoData(plan.year()).generate(indicators, criteria).stream()
                .filter(row -> row.submittedAt().isBefore(now))
                .toList();
        ObservationIntake.Receipt receipt = intake.submit(Optional.of(plan.code()), rows, Submitter.office("demo"), Channel.DEMO, "演示数据（模拟）");
        // never past the plan's year: an evaluation long after the plan would be refused
        LocalDate today = clock.today().isAfter(LocalDate.of(plan.year(), 12, 31)) ? LocalDate.of(plan.year(), 12, 31) : clock.today();
        for (ReportingPeriod quarter : ReportingPeriod.ofYear("QUARTERLY", plan.year())) {
            LocalDate quarterEnd = quarter.end();
            if (quarterEnd.isBefore(today)) {
                evaluations.run(Optional.of(plan.code()), quarterEnd, "演示数据");
            }
        }
        evaluations.run(Optional.of(plan.code()), today, "演示数据");
        log.warn("已载入 {} 年模拟演示数据 {} 条（渠道 DEMO，备注“{}”），并评估至 {}。以 --duban.demo=false 启动可从空库开始。",
                plan.year(), receipt.stored(), DemoData.NOTE, today);
    }
}
