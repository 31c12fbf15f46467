package org.duban.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.duban.assessment.Assessment;
import org.duban.assessment.Evaluations;
import org.duban.catalog.CatalogProblem;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Cause;
import org.duban.rules.facts.Level;
import org.springframework.stereotype.Service;

/**
 * Judges the stored data as of a day twice — with the rules in force and with the staged (or an
 * uploaded) set — and lists per indicator what would change: a change that would mail 40 new RED
 * warnings is seen before it goes live. Writes nothing: no run, no firing, no warning.
 */
@Service
public class RuleDryRun {

    /** How an indicator's warning would change. */
    public enum Change {
        NEW, ESCALATED, LOWERED, CLEARED
    }

    public record Difference(int task, String indicator, Change change, Level before, Level after, List<Cause> causesBefore,
                             List<Cause> causesAfter, String explanationBefore, String explanationAfter) {
    }

    /**
     * @param counts per change, and for NEW per level ({@code NEW_RED}), so a page can say "40 条新红色预警"
     */
    public record Result(String plan, LocalDate asOf, String activeVersion, String candidateVersion, String candidateSource,
                         List<CatalogProblem> problems, List<Difference> differences, Map<String, Long> counts) {
    }

    private final RuleSets ruleSets;
    private final Evaluations evaluations;
    private final PlanCatalog catalog;

    RuleDryRun(RuleSets ruleSets, Evaluations evaluations, PlanCatalog catalog) {
        this.ruleSets = ruleSets;
        this.evaluations = evaluations;
        this.catalog = catalog;
    }

    /**
     * @param files uploaded files (path under rules/ → text) laid over the folder; when empty, the staged
     *              set (staged mode) or the folder as it is now
     */
    public Result dryRun(Optional<String> planCode, LocalDate asOf, Map<String, String> files) {
        Plan plan = catalog.plan(planCode).orElseThrow(() -> new IllegalArgumentException("没有计划 " + planCode.orElse("")));
        RuleSet active = ruleSets.current(plan.code()).orElseThrow(() -> new IllegalStateException("计划 " + plan.code() + " 没有生效的规则"));
        Optional<RuleSet> staged = files.isEmpty() ? ruleSets.staged(plan.code()) : Optional.empty();
        String source = !files.isEmpty() ? "上传" : staged.isPresent() ? "暂存" : "规则目录";
        RuleSet candidate;
        if (staged.isPresent()) {
            candidate = staged.get();
        } else {
            RuleSets.Candidate compiled = ruleSets.candidate(files);
            // another plan's broken rules do not stop this plan's dry run; its own do
            if (!compiled.sets().containsKey(plan.code())) {
                return new Result(plan.code(), asOf, active.version(), null, source, compiled.problems(), List.of(), Map.of());
            }
            candidate = compiled.sets().get(plan.code());
        }
        Map<String, Assessment> before = byIndicator(evaluations.judge(active, asOf, null).assessments());
        Map<String, Assessment> after = byIndicator(evaluations.judge(candidate, asOf, null).assessments());
        List<Difference> differences = new ArrayList<>();
        after.forEach((indicator, now) -> {
            Assessment was = before.get(indicator);
            Level from = was == null ? null : was.level();
            change(from, now.level()).ifPresent(change -> differences.add(new Difference(now.task(), indicator, change, from,
                    now.level(), was == null ? List.of() : was.causes(), now.causes(), was == null ? null : was.explanation(),
                    now.explanation())));
        });
        Map<String, Long> counts = new TreeMap<>(differences.stream().collect(Collectors.groupingBy(d -> d.change().name(), Collectors.counting())));
        differences.stream().filter(d -> d.change() == Change.NEW)
                .forEach(d -> counts.merge("NEW_" + d.after().name(), 1L, Long::sum));
        return new Result(plan.code(), asOf, active.version(), candidate.version(), source, List.of(), differences, counts);
    }

    private static Optional<Change> change(Level before, Level after) {
        if (before == after) {
            return Optional.empty();
        }
        if (before == null) {
            return Optional.of(Change.NEW);
        }
        if (after == null) {
            return Optional.of(Change.CLEARED);
        }
        return Optional.of(after.above(before) ? Change.ESCALATED : Change.LOWERED);
    }

    private static Map<String, Assessment> byIndicator(List<Assessment> assessments) {
        return assessments.stream().collect(Collectors.toMap(Assessment::indicator, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
