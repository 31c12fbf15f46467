package org.duban.collection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.catalog.Department;
import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Comparison;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.ReportingPeriod;
import org.duban.rules.facts.ReportingTerms;
import org.duban.rules.facts.Reports;
import org.duban.rules.facts.Standings;
import org.springframework.stereotype.Service;

/**
 * Reporting compliance: for each department and the indicators it reports (those of the tasks it
 * leads), whether the report for the last due period came in on time, late, or not at all. The
 * due period and grace days are the ones the BLUE "missing" warnings use.
 */
@Service
public class Compliance {

    /** DONE: an addition that reached its target or a milestone done: nothing more is owed. */
    public enum Status { REPORTED, LATE, MISSING, NOT_DUE, DONE }

    /**
     * @param missingBaseline a stock to be reached without a start-of-year value ({@code from(n)} in its rule, or
     *                        {@code reference} with the year's first report): it cannot be judged against time
     *                        progress until one is sent (缺少年初基数)
     */
    public record IndicatorCompliance(String code, String name, String frequency, String period, LocalDate periodEnd,
                                      LocalDate dueDate, Status status, LocalDate lastDate, Instant reportedAt,
                                      boolean missingBaseline, String note) {
    }

    public record DepartmentCompliance(String code, String name, int reported, int late, int missing, int notDue,
                                       List<IndicatorCompliance> indicators) {
    }

    public record Report(String plan, LocalDate asOf, int graceDays, List<DepartmentCompliance> departments) {
    }

    private final PlanCatalog catalog;
    private final RuleSets ruleSets;
    private final Observations observations;
    private final java.time.Clock clock;

    Compliance(PlanCatalog catalog, RuleSets ruleSets, Observations observations, java.time.Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.observations = observations;
    }

    public Report report(Optional<String> planCode, LocalDate asOf, Optional<String> onlyDepartment) {
        Plan plan = catalog.plan(planCode).orElseThrow(() -> new IllegalArgumentException(PlanCatalog.missing(planCode)));
        Optional<RuleSet> rules = ruleSets.current(plan.code());
        int grace = rules.map(RuleSet::reportingGraceDays).orElse(ReportingTerms.DEFAULT.graceDays());
        Map<String, List<Observations.FirstReport>> reported = new LinkedHashMap<>();
        observations.firstReports(plan.code(), asOf).forEach(r -> reported.computeIfAbsent(r.indicator(), k -> new ArrayList<>()).add(r));
        AsOf day = new AsOf(asOf, plan.year());
        Set<String> withBaseline = new HashSet<>();
        Map<String, List<Observation>> latest = observations.latestUpTo(plan.code(), asOf).stream().collect(Collectors.groupingBy(Observation::indicator));
        latest.forEach((code, values) ->
                values.stream().min(Comparator.comparing(Observation::date)).filter(first -> first.reference() != null)
                        .ifPresent(first -> withBaseline.add(code)));
        ZoneId zone = clock.getZone();

        Map<Department, List<IndicatorCompliance>> byDepartment = new LinkedHashMap<>();
        List<Task> tasks = catalog.tasks(plan.code());
        for (Task task : tasks) {
            for (Indicator indicator : task.indicators()) {
                LocalDate deadline = rules.flatMap(set -> set.criterion(indicator.code())).map(s -> s.criterion().deadline())
                        .orElse(LocalDate.of(plan.year(), 12, 31));
                boolean missingBaseline = indicator.kind() == IndicatorKind.LEVEL && !withBaseline.contains(indicator.code())
                        && rules.flatMap(set -> set.criterion(indicator.code())).map(stated -> needsBaseline(stated.criterion())).orElse(false);
                boolean done = rules.flatMap(set -> set.criterion(indicator.code()))
                        .map(stated -> doneForGood(indicator, stated.criterion(), latest.getOrDefault(indicator.code(), List.of()), day, rules.get()))
                        .orElse(false);
                IndicatorCompliance line = done ? done(indicator, reported.getOrDefault(indicator.code(), List.of()))
                        : line(indicator, day, grace, deadline, reported.getOrDefault(indicator.code(), List.of()), missingBaseline, zone);
                for (Department lead : PlanCatalog.reporters(tasks, indicator.code())) {
                    if (onlyDepartment.map(code -> code.equals(lead.code())).orElse(true)) {
                        byDepartment.computeIfAbsent(lead, d -> new ArrayList<>()).add(line);
                    }
                }
            }
        }
        List<DepartmentCompliance> departments = byDepartment.entrySet().stream()
                .map(e -> new DepartmentCompliance(e.getKey().code(), e.getKey().name(), count(e.getValue(), Status.REPORTED),
                        count(e.getValue(), Status.LATE), count(e.getValue(), Status.MISSING), count(e.getValue(), Status.NOT_DUE), e.getValue()))
                .sorted(Comparator.comparing(DepartmentCompliance::missing).reversed().thenComparing(DepartmentCompliance::late, Comparator.reverseOrder()))
                .toList();
        return new Report(plan.code(), asOf, grace, departments);
    }

    /** A stock pro-rated from its start of year: reaching a level, not holding one. */
    private static boolean needsBaseline(Criterion criterion) {
        return criterion.baseline() == null
                && (criterion.comparison() == Comparison.AT_LEAST || criterion.comparison() == Comparison.BETWEEN);
    }

    /** Measured as the judging measures it: an addition that reached its target, a milestone done, owes no more reports. */
    private static boolean doneForGood(Indicator indicator, Criterion criterion, List<Observation> values, AsOf asOf, RuleSet rules) {
        org.duban.rules.facts.Indicator judged = new org.duban.rules.facts.Indicator(indicator.code(), indicator.name(), indicator.unit(),
                indicator.kind(), indicator.frequency().name(), indicator.taskNumber());
        Reports reports = new Reports(indicator.code(), values.stream()
                .map(o -> new org.duban.rules.facts.Report(o.date(), o.value(), o.text(), o.reference())).toList());
        return Standings.of(judged, criterion, reports, asOf, rules.terms()).metForGood();
    }

    private static IndicatorCompliance done(Indicator indicator, List<Observations.FirstReport> reports) {
        Optional<Observations.FirstReport> last = reports.stream().max(Comparator.comparing(Observations.FirstReport::date));
        return new IndicatorCompliance(indicator.code(), indicator.name(), indicator.frequency().name(), null, null, null, Status.DONE,
                last.map(Observations.FirstReport::date).orElse(null), last.map(Observations.FirstReport::submittedAt).orElse(null), false,
                "已完成目标，无需继续报送");
    }

    private static IndicatorCompliance line(Indicator indicator, AsOf asOf, int grace, LocalDate deadline, List<Observations.FirstReport> reports,
                                            boolean missingBaseline, ZoneId zone) {
        String note = missingBaseline ? "缺少年初基数：请在年内首次报送时同时报送年初存量（reference/对照值）" : null;
        Optional<ReportingPeriod> due = ReportingPeriod.due(indicator.frequency().name(), asOf, grace, deadline);
        Optional<Observations.FirstReport> last = reports.stream().max(Comparator.comparing(Observations.FirstReport::date));
        if (due.isEmpty()) {
            return new IndicatorCompliance(indicator.code(), indicator.name(), indicator.frequency().name(), null, null, null,
                    Status.NOT_DUE, last.map(Observations.FirstReport::date).orElse(null), last.map(Observations.FirstReport::submittedAt).orElse(null),
                    missingBaseline, note);
        }
        ReportingPeriod period = due.get();
        LocalDate dueDate = period.end().plusDays(grace);
        Optional<Observations.FirstReport> forPeriod = reports.stream().filter(r -> !r.date().isBefore(period.start()))
                .min(Comparator.comparing(Observations.FirstReport::submittedAt));
        Status status = forPeriod.map(r -> r.submittedAt().isAfter(dueDate.plusDays(1).atStartOfDay(zone).toInstant())
                ? Status.LATE : Status.REPORTED).orElse(Status.MISSING);
        return new IndicatorCompliance(indicator.code(), indicator.name(), indicator.frequency().name(), period.label(), period.end(),
                dueDate, status, last.map(Observations.FirstReport::date).orElse(null),
                forPeriod.or(() -> last).map(Observations.FirstReport::submittedAt).orElse(null), missingBaseline, note);
    }

    private static int count(List<IndicatorCompliance> lines, Status status) {
        return (int) lines.stream().filter(line -> line.status() == status).count();
    }
}
