package org.duban.review;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.assessment.AssessmentLog;
import org.duban.assessment.EvaluationRun;
import org.duban.assessment.Evaluations;
import org.duban.catalog.Department;
import org.duban.catalog.Indicator;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.springframework.stereotype.Component;

/**
 * The monthly ledger (台账): every task and indicator with its departments and the month's last judgement,
 * from the month's last successful run, so the ledger of September says what was known in September.
 */
@Component
class Ledger {

    record Line(int section, int task, String title, String lead, String co, String indicator, String name, String unit, String target,
                String actual, BigDecimal completion, String level, String explanation) {
    }

    record Month(YearMonth month, Optional<EvaluationRun> run, List<Line> lines) {
    }

    private final PlanCatalog catalog;
    private final Evaluations evaluations;
    private final AssessmentLog assessments;

    Ledger(PlanCatalog catalog, Evaluations evaluations, AssessmentLog assessments) {
        this.catalog = catalog;
        this.evaluations = evaluations;
        this.assessments = assessments;
    }

    Month of(Plan plan, YearMonth month) {
        Optional<EvaluationRun> run = evaluations.fullRuns(400).stream()
                .filter(r -> r.plan().equals(plan.code()) && r.outcome() == EvaluationRun.Outcome.SUCCEEDED && !YearMonth.from(r.asOf()).isAfter(month))
                .findFirst();
        Map<String, AssessmentLog.Entry> judged = new HashMap<>();
        run.ifPresent(r -> assessments.find(Optional.of(r.runId()), Optional.of(plan.code()), Optional.empty(), Optional.empty())
                .forEach(e -> judged.put(e.indicator(), e)));
        List<Line> lines = new ArrayList<>();
        for (Task task : catalog.tasks(plan.code())) {
            String lead = String.join("、", task.leadDepartments().stream().map(Department::name).toList());
            String co = String.join("、", task.coDepartments().stream().map(Department::name).toList());
            for (Indicator indicator : task.indicators()) {
                AssessmentLog.Entry e = judged.get(indicator.code());
                lines.add(new Line(task.section(), task.number(), task.title(), lead, co, indicator.code(), indicator.name(),
                        indicator.unit() == null ? "" : indicator.unit(), e == null ? "" : e.target(), e == null ? "未评估" : e.actual(),
                        e == null ? null : e.completion(), e == null || e.level() == null ? "无" : chinese(e.level()),
                        e == null ? "" : e.explanation()));
            }
        }
        return new Month(month, run, lines);
    }

    static String chinese(String level) {
        return org.duban.rules.facts.Level.valueOf(level).chinese();
    }
}
