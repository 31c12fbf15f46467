package org.duban.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.duban.assessment.AssessmentLog;
import org.duban.assessment.EvaluationRun;
import org.duban.assessment.Evaluations;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.rules.facts.Level;
import org.springframework.stereotype.Component;

/**
 * The wall chart (挂图作战): tasks as rows, by section, months as columns, each cell the highest level
 * any successful run of that month gave the task's indicators. Built from the stored assessments, so
 * a month shows what was known then, not what today's data would say.
 */
@Component
class WallChart {

    /** A cell: RED…BLUE, NONE (judged, no warning) or EMPTY (no run that month). */
    record Row(int section, String sectionTitle, Task task, List<String> months) {
    }

    private static final int MAX_RUNS = 400;

    private final PlanCatalog catalog;
    private final Evaluations evaluations;
    private final AssessmentLog assessments;

    WallChart(PlanCatalog catalog, Evaluations evaluations, AssessmentLog assessments) {
        this.catalog = catalog;
        this.evaluations = evaluations;
        this.assessments = assessments;
    }

    List<Row> rows(Plan plan, Predicate<Task> shown) {
        Map<Integer, Map<Integer, String>> cells = new HashMap<>(); // task → month → level
        for (EvaluationRun run : evaluations.fullRuns(MAX_RUNS)) {
            if (!run.plan().equals(plan.code()) || run.outcome() != EvaluationRun.Outcome.SUCCEEDED || run.asOf().getYear() != plan.year()) {
                continue;
            }
            int month = run.asOf().getMonthValue();
            for (AssessmentLog.Entry entry : assessments.find(Optional.of(run.runId()), Optional.of(plan.code()), Optional.empty(), Optional.empty())) {
                cells.computeIfAbsent(entry.task(), t -> new HashMap<>()).merge(month, entry.level() == null ? "NONE" : entry.level(), WallChart::higher);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Task task : catalog.tasks(plan.code())) {
            if (!shown.test(task)) {
                continue;
            }
            Map<Integer, String> months = cells.getOrDefault(task.number(), Map.of());
            List<String> line = new ArrayList<>();
            for (int month = 1; month <= 12; month++) {
                line.add(months.getOrDefault(month, "EMPTY"));
            }
            rows.add(new Row(task.section(), task.sectionTitle(), task, line));
        }
        return rows;
    }

    /** Rows grouped by section title, in plan order. */
    static Map<String, List<Row>> bySection(List<Row> rows) {
        Map<String, List<Row>> sections = new LinkedHashMap<>();
        rows.forEach(row -> sections.computeIfAbsent(row.section() + "、" + row.sectionTitle(), s -> new ArrayList<>()).add(row));
        return sections;
    }

    static String higher(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    static int rank(String level) {
        return switch (level) {
            case "EMPTY" -> -2;
            case "NONE" -> -1;
            default -> Level.valueOf(level).ordinal();
        };
    }

}
