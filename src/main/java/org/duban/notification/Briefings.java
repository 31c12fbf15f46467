package org.duban.notification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.DubanClock;
import org.duban.assessment.AssessmentLog;
import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Department;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.collection.Observation;
import org.duban.collection.Observations;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Amounts;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.Level;
import org.duban.warning.Warning;
import org.springframework.stereotype.Component;

/**
 * What every mail needs to know on a given day, plan by plan: the plan and its region's letterhead,
 * that plan's rules' criteria, its region's departments and the latest reported values; and how one
 * warning reads in a mail (actual vs target vs time progress, from the warning's own plan).
 */
@Component
class Briefings {

    private static final Map<Level, String> COLORS = Map.of(Level.RED, "#c0392b", Level.ORANGE, "#e67e22", Level.YELLOW, "#d4ac0d", Level.BLUE, "#2e86c1");

    /**
     * The day's facts about one plan a mail is written from. Departments are its region's, by the
     * name the plan gives them (another region may have a department of the same name or code).
     */
    record Briefing(Plan plan, Letterhead letterhead, AsOf asOf, Optional<RuleSet> rules, Map<String, Department> departmentsByName,
                    Map<String, Long> ids, Map<String, Observation> latest, Map<String, String> units,
                    Map<String, AssessmentLog.Entry> judged) {

        /** The region's department of that name; empty when the registry no longer has it. */
        Optional<Department> department(String name) {
            return Optional.ofNullable(departmentsByName.get(name));
        }

        long id(Department department) {
            return ids.get(department.code());
        }

        /** The department's page on this plan (codes are plain, so they need no escaping). */
        String departmentLink(Department department) {
            return letterhead.link("/departments/" + department.code() + "?region=" + department.region() + "&plan=" + plan.code());
        }

        /** This plan's part of the department's mail, headed by the plan's name and linking to the department's page on it. */
        <T> Notifications.PlanSection<T> section(Department department, List<T> items) {
            return new Notifications.PlanSection<>(plan.code(), plan.name(), plan.year(), departmentLink(department), items);
        }
    }

    private final PlanCatalog catalog;
    private final RuleSets ruleSets;
    private final Observations observations;
    private final AssessmentLog assessments;
    private final NotificationSettings settings;
    private final DubanClock clock;
    private final CatalogKeys keys;

    Briefings(PlanCatalog catalog, RuleSets ruleSets, Observations observations, AssessmentLog assessments, NotificationSettings settings,
              DubanClock clock, CatalogKeys keys) {
        this.assessments = assessments;
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.observations = observations;
        this.settings = settings;
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Today's briefings, one per plan active today ({@link PlanCatalog#activePlans}), in the
     * catalog's order; empty when none is. Every job covers them all: no plan is picked for another.
     */
    List<Briefing> today() {
        LocalDate today = clock.today();
        return catalog.activePlans(today).stream().map(plan -> briefing(plan, today)).toList();
    }

    private Briefing briefing(Plan plan, LocalDate today) {
        Map<String, Department> byName = new HashMap<>();
        catalog.departments(plan.regionCode()).forEach(d -> byName.put(d.name(), d));
        Map<String, Long> ids = new HashMap<>();
        keys.departmentsById().forEach((id, department) -> {
            if (department.region().equals(plan.regionCode())) {
                ids.put(department.code(), id);
            }
        });
        Map<String, Observation> latest = new HashMap<>();
        observations.latestUpTo(plan.code(), today).forEach(o -> latest.merge(o.indicator(), o, (a, b) -> a.date().isAfter(b.date()) ? a : b));
        Map<String, String> units = new HashMap<>();
        catalog.tasks(plan.code()).forEach(task -> task.indicators()
                .forEach(indicator -> units.put(indicator.code(), indicator.unit() == null ? "" : indicator.unit())));
        // the numbers of the latest run, so a mail shows the time progress the warning was judged against
        Map<String, AssessmentLog.Entry> judged = new HashMap<>();
        assessments.find(Optional.empty(), Optional.of(plan.code()), Optional.empty(), Optional.empty())
                .forEach(entry -> judged.put(entry.indicator(), entry));
        Letterhead letterhead = Letterhead.of(plan.regionCode(), plan.regionName(), catalog.region(plan.regionCode()), settings);
        return new Briefing(plan, letterhead, new AsOf(today, plan.year()), ruleSets.current(plan.code()), byName, ids, latest, units, judged);
    }

    /** One warning as a mail line; {@code context} must be the briefing of the warning's own plan, whose rules hold its target. */
    Notifications.DigestItem item(Warning warning, NotificationPolicy.Change change, Briefing context) {
        if (!warning.plan().equals(context.plan().code())) {
            throw new IllegalArgumentException("预警 " + warning.id() + " 属于计划 " + warning.plan() + "，不能按计划 " + context.plan().code() + " 的规则写入邮件");
        }
        Optional<Criterion> criterion = context.rules().flatMap(set -> set.criterion(warning.indicator())).map(RuleSet.StatedCriterion::criterion);
        Observation latest = context.latest().get(warning.indicator());
        String unit = context.units().getOrDefault(warning.indicator(), "");
        String actual = latest == null ? "未报送" : latest.text() != null ? latest.text() : Amounts.text(latest.value()) + unit;
        return new Notifications.DigestItem(warning.id(), change.chinese, warning.level().name(), warning.level().chinese(), COLORS.get(warning.level()),
                warning.task(), warning.taskTitle(), warning.indicator(), warning.indicatorName(), actual,
                criterion.map(c -> target(c, unit, latest)).orElse("—"),
                Optional.ofNullable(context.judged().get(warning.indicator()))
                        .map(j -> String.format("%.1f%%", j.timeProgress()) + (j.judgedAt() == null ? "" : "（" + j.judgedAt() + "）"))
                        .or(() -> criterion.map(c -> String.format("%.1f%%", c.timeProgress(context.asOf())))).orElse("—"),
                criterion.map(c -> c.deadline().toString()).orElse("—"), warning.message(),
                context.letterhead().link("/warnings/" + warning.id()) /* the review page, not the JSON; ids are global */,
                context.letterhead().link("/tasks/" + warning.task() + "?plan=" + context.plan().code()) /* task numbers are per plan */);
    }

    private static String target(Criterion c, String unit, Observation latest) {
        String reference = latest == null || latest.reference() == null ? "" : Amounts.text(latest.reference()) + unit;
        return switch (c.comparison()) {
            case AT_LEAST -> "≥" + Amounts.text(c.target()) + unit;
            case AT_MOST -> "≤" + Amounts.text(c.target()) + unit;
            case BETWEEN -> Amounts.text(c.target()) + "–" + Amounts.text(c.upper()) + unit;
            case ABOVE -> "＞" + Amounts.text(c.target()) + unit;
            case AROUND -> Amounts.text(c.target()) + unit + "左右（±" + Amounts.text(c.upper()) + "）";
            case HOLD_AT_LEAST -> "全年保持≥" + Amounts.text(c.target()) + unit;
            case HOLD_AT_MOST -> "全年保持≤" + Amounts.text(c.target()) + unit;
            case WITHIN_QUOTA -> "不超过控制指标" + reference;
            case ABOVE_REFERENCE -> "高于对照值" + reference;
            case BELOW_REFERENCE -> "低于对照值" + reference;
            case COMPLETED -> "已完成";
            case STARTED -> "已启动";
            case BETTER_THAN -> "优于" + c.targetText() + "类";
        };
    }

}
