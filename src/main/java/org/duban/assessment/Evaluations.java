package org.duban.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Observation;
import org.duban.collection.Observations;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Indicator;
import org.duban.rules.facts.Report;
import org.duban.rules.facts.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessment's API: evaluates a plan as of a day with the current rules. The run is
 * recorded first; then firings, warnings and the run's outcome are written in one transaction,
 * so a failed run is recorded as failed and leaves nothing half-written.
 */
@Service
public class Evaluations {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);

    private final PlanCatalog catalog;
    private final org.duban.catalog.CatalogKeys keys;
    private final RuleSets ruleSets;
    private final Observations observations;
    private final EvaluationRuns runs;
    private final FiringLog firingLog;
    private final AssessmentLog assessments;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final EvaluationSettings settings;
    private final AbandonedRuns abandoned;
    /**
     * One run at a time per plan in this instance, while different plans run side by side (the
     * partitions, on threads of their own). Across instances the scheduler keeps a partition, and so
     * its plans, on one instance at a time, and {@link PlanLock} the writes of runs it does not
     * schedule (incremental ones).
     */
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final PlanLock planLock;

    Evaluations(PlanCatalog catalog, RuleSets ruleSets, Observations observations, EvaluationRuns runs, FiringLog firingLog,
                AssessmentLog assessments, ApplicationEventPublisher events, TransactionTemplate transaction,
                EvaluationSettings settings, AbandonedRuns abandoned, Clock clock, org.duban.catalog.CatalogKeys keys, PlanLock planLock) {
        this.planLock = planLock;
        this.keys = keys;
        this.clock = clock;
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.observations = observations;
        this.runs = runs;
        this.firingLog = firingLog;
        this.assessments = assessments;
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.abandoned = abandoned;
    }

    /**
     * Evaluates every plan active on {@code asOf}, one run each; a plan that fails is recorded and
     * logged and does not stop the others. The runs that succeeded are returned.
     */
    public List<EvaluationRun> runActive(LocalDate asOf, String triggeredBy) {
        return runActive(asOf, triggeredBy, Partition.ALL);
    }

    /**
     * As {@link #runActive(LocalDate, String)}, for the active plans of one partition only. Calls for
     * different partitions may run at the same time, on threads of this instance or on other
     * instances: their plans never meet.
     */
    public List<EvaluationRun> runActive(LocalDate asOf, String triggeredBy, Partition partition) {
        List<EvaluationRun> done = new ArrayList<>();
        List<Plan> active = catalog.activePlans(asOf).stream().filter(partition::includes).toList();
        if (active.isEmpty()) {
            log.info("{} {} 没有正在执行的计划，未评估", asOf, partition);
            return done;
        }
        // once per call, not per plan: at national scale a partition holds hundreds of plans
        abandoned.closeAbandoned();
        for (Plan plan : active) {
            try {
                done.add(run(plan, asOf, triggeredBy));
            } catch (EvaluationFailed | IllegalArgumentException e) {
                log.error("计划 {} 截至 {} 的评估未完成，其余计划照常评估: {}", plan.code(), asOf, e.getMessage());
            }
        }
        return done;
    }

    /** Evaluates and records; throws {@link EvaluationFailed} (after recording it) when the run fails. */
    public EvaluationRun run(Optional<String> planCode, LocalDate asOf, String triggeredBy) {
        Plan plan = catalog.plan(planCode).orElseThrow(() -> new EvaluationFailed(PlanCatalog.missing(planCode)));
        abandoned.closeAbandoned();
        return run(plan, asOf, triggeredBy);
    }

    private EvaluationRun run(Plan plan, LocalDate asOf, String triggeredBy) {
        RuleSet rules = rulesOf(plan);
        requireWithinPlan(plan, rules, asOf);
        return record(plan, rules, asOf, triggeredBy, Optional.empty());
    }

    /**
     * Judges only these indicators of a plan, as of today (kept within the plan's range), with the
     * same rules and recording as a full run, under the same lock: an INCREMENTAL run whose warnings
     * follow for those indicators alone. Nothing when the plan is not active today — the daily run
     * passes it by too. Throws {@link EvaluationFailed} (after recording it) when the run fails.
     */
    public Optional<EvaluationRun> runIncremental(String planCode, Set<String> indicators, String triggeredBy) {
        Plan plan = catalog.plan(Optional.of(planCode)).orElseThrow(() -> new EvaluationFailed(PlanCatalog.missing(Optional.of(planCode))));
        LocalDate today = LocalDate.now(clock);
        if (!plan.activeOn(today) || indicators.isEmpty()) {
            return Optional.empty();
        }
        RuleSet rules = rulesOf(plan);
        Span span = span(plan, rules);
        LocalDate asOf = today.isBefore(span.start()) ? span.start() : today.isAfter(span.end()) ? span.end() : today;
        return Optional.of(record(plan, rules, asOf, triggeredBy, Optional.of(Set.copyOf(indicators))));
    }

    /**
     * The firings an incremental run logs: those about the indicators it judged, and those about none
     * (the thresholds). A rule that matches no standing of the run (a rule of the plan's own, say)
     * would otherwise add rows about indicators the run did not judge.
     */
    private static List<Firing> about(Set<String> judged, List<Firing> firings) {
        return firings.stream().filter(firing -> firing.indicator() == null || judged.contains(firing.indicator())).toList();
    }

    private RuleSet rulesOf(Plan plan) {
        return ruleSets.current(plan.code())
                .orElseThrow(() -> new EvaluationFailed("计划 " + plan.code() + " 的规则未能加载，请先修正 GET /api/rules 中列出的错误"));
    }

    /** Judges the whole plan, or {@code only} these indicators, and records the run, its firings, assessments and warnings. */
    private EvaluationRun record(Plan plan, RuleSet rules, LocalDate asOf, String triggeredBy, Optional<Set<String>> only) {
        EvaluationRun.Kind kind = only.isPresent() ? EvaluationRun.Kind.INCREMENTAL : EvaluationRun.Kind.FULL;
        ReentrantLock lock = locks.computeIfAbsent(plan.code(), code -> new ReentrantLock());
        lock.lock();
        try {
            long runId = runs.start(plan.code(), asOf, rules.version(), triggeredBy, abandoned.instance(), kind);
            try {
                Judgement judgement = judge(plan, rules, asOf, only);
                List<Firing> firings = only.isEmpty() ? judgement.firings() : about(only.get(), judgement.firings());
                planLock.prepare(plan.code());
                transaction.executeWithoutResult(status -> {
                    planLock.hold(plan.code());
                    firingLog.record(runId, rules.version(), firings);
                    assessments.record(runId, judgement.assessments());
                    events.publishEvent(new EvaluationCompleted(runId, plan.code(), asOf, judgement.assessments(), judgement.rules(),
                            only.isPresent()));
                    runs.succeed(runId, firings.size());
                });
                EvaluationRun run = runs.find(runId).orElseThrow();
                log.info("评估完成（{}）: 计划 {} 截至 {}，规则版本 {}，评估指标 {} 个，触发 {} 次，相关有效预警 {} 条", kind.chinese(), plan.code(), asOf,
                        rules.version(), judgement.assessments().size(), run.firings(), run.warningsOpen());
                return run;
            } catch (RuntimeException e) {
                runs.fail(runId, String.valueOf(e.getMessage()));
                log.error("评估失败: 计划 {} 截至 {}（运行 {}），未写入任何预警: {}", plan.code(), asOf, runId, e.getMessage(), e);
                throw new EvaluationFailed("评估失败（运行 " + runId + "）: " + e.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A run far outside the plan's time (9999-12-31, 1900-01-01) would only leave absurd RED
     * warnings behind: as-of days run from the plan's start (1 January of its year, or its
     * publication if earlier) to one year after its last deadline.
     */
    private static void requireWithinPlan(Plan plan, RuleSet rules, LocalDate asOf) {
        Span span = span(plan, rules);
        if (asOf.isBefore(span.start()) || asOf.isAfter(span.end())) {
            throw new IllegalArgumentException("评估日期 asOf " + asOf + " 超出范围：计划 " + plan.code() + " 只能评估 " + span.start() + " 至 "
                    + span.end() + " 之间的日期（计划开始至最后截止日期后一年）");
        }
    }

    /** The as-of days a plan may be evaluated on. */
    private record Span(LocalDate start, LocalDate end) {
    }

    private static Span span(Plan plan, RuleSet rules) {
        LocalDate start = LocalDate.of(plan.year(), 1, 1);
        if (plan.publishedOn() != null && plan.publishedOn().isBefore(start)) {
            start = plan.publishedOn();
        }
        LocalDate lastDeadline = rules.criteria().values().stream().map(stated -> stated.criterion().deadline())
                .max(LocalDate::compareTo).orElse(LocalDate.of(plan.year(), 12, 31));
        return new Span(start, lastDeadline.plusYears(1));
    }

    /** Judges without recording anything: what the rules say about these observations on that day. */
    public Judgement judge(String planCode, LocalDate asOf, List<Observation> given) {
        Plan plan = catalog.plan(Optional.of(planCode)).orElseThrow(() -> new EvaluationFailed("没有计划 " + planCode));
        RuleSet rules = ruleSets.current(plan.code()).orElseThrow(() -> new EvaluationFailed("计划 " + planCode + " 的规则未能加载"));
        return judge(plan, rules, asOf, given);
    }

    /**
     * Judges with a rule set that need not be in force (a staged or uploaded one, for the rule
     * workbench), without recording anything; {@code given} null means the stored observations.
     */
    public Judgement judge(RuleSet rules, LocalDate asOf, List<Observation> given) {
        Plan plan = catalog.plan(Optional.of(rules.planCode())).orElseThrow(() -> new EvaluationFailed("没有计划 " + rules.planCode()));
        if (given != null) {
            return judge(plan, rules, asOf, given);
        }
        requireWithinPlan(plan, rules, asOf);
        return judge(plan, rules, asOf);
    }

    public Optional<EvaluationRun> find(long runId) {
        return runs.find(runId);
    }

    public List<EvaluationRun> history(int limit) {
        return runs.latest(limit);
    }

    /**
     * The latest runs that judged whole plans: what pages showing a plan as a whole (the last run,
     * the wall chart, the ledger) read, so that incremental runs, which judge a few indicators each
     * and may be many a day, neither stand in for a plan's state nor crowd its full runs out.
     */
    public List<EvaluationRun> fullRuns(int limit) {
        return runs.latest(limit, Optional.empty(), Optional.of(EvaluationRun.Kind.FULL));
    }

    /** The latest runs of the plans a list request names ({@code plan=}, {@code region=}). */
    public List<EvaluationRun> history(int limit, PlanFilter filter) {
        return runs.latest(limit, filter.planIds(catalog, keys));
    }

    private Judgement judge(Plan plan, RuleSet rules, LocalDate asOf) {
        return judge(plan, rules, asOf, Optional.empty());
    }

    /** Standings are built, and values read, only for the indicators judged. */
    private Judgement judge(Plan plan, RuleSet rules, LocalDate asOf, Optional<Set<String>> only) {
        List<Observation> known = only.isPresent() ? observations.latestUpTo(plan.code(), asOf, only.get())
                : observations.latestUpTo(plan.code(), asOf);
        return judge(plan, rules, asOf, known, only);
    }

    private Judgement judge(Plan plan, RuleSet rules, LocalDate asOf, List<Observation> known) {
        return judge(plan, rules, asOf, known, Optional.empty());
    }

    private Judgement judge(Plan plan, RuleSet rules, LocalDate asOf, List<Observation> known, Optional<Set<String>> only) {
        List<Indicator> indicators = new ArrayList<>();
        for (Task task : catalog.tasks(plan.code())) {
            for (org.duban.catalog.Indicator indicator : task.indicators()) {
                if (only.isPresent() && !only.get().contains(indicator.code())) {
                    continue;
                }
                indicators.add(new Indicator(indicator.code(), indicator.name(), indicator.unit(), indicator.kind(),
                        indicator.frequency().name(), task.number()));
            }
        }
        Map<String, List<Report>> byIndicator = new HashMap<>();
        for (Observation observation : known) {
            if (!observation.date().isAfter(asOf)) {
                byIndicator.computeIfAbsent(observation.indicator(), code -> new ArrayList<>())
                        .add(new Report(observation.date(), observation.value(), observation.text(), observation.reference()));
            }
        }
        Map<String, Reports> reports = new HashMap<>();
        byIndicator.forEach((code, list) -> reports.put(code, new Reports(code, list)));
        return new Judge(settings.timeout(), clock).judge(rules, new AsOf(asOf, plan.year()), indicators, reports);
    }
}
