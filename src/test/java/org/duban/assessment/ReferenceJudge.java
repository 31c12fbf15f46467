package org.duban.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.duban.rules.RuleSet;
import org.duban.rules.facts.Finding;
import org.duban.rules.facts.Level;
import org.duban.rules.facts.Measure;
import org.duban.rules.facts.Standing;
import org.duban.rules.facts.Tuning;
import org.kie.api.runtime.KieSession;

/**
 * The judging rules of {@code rules/common/judging.drl} written once more in plain Java, over the same
 * {@link Standing}s and the thresholds {@code levels.drl} inserts: the floor the rule engine is measured
 * against, and proven equal to it by {@code ReferenceJudgeTests}. Test and benchmark code only: in the
 * product Drools judges. Keep in step with judging.drl (the equivalence test fails otherwise).
 */
final class ReferenceJudge {

    private final List<Object> tuning;
    private final List<Tuning.LagThreshold> lag;
    private final List<Tuning.GapThreshold> gap;
    private final List<Tuning.QuotaPace> quotaPace;
    private final List<Tuning.MissingThreshold> missing;
    private final List<Tuning.TrendTolerance> trend;
    private final List<Tuning.NoticeWindow> notice;
    private final List<Tuning.StallThreshold> stall;
    private final List<Tuning.WaterPhase> water;

    ReferenceJudge(Collection<?> tuning) {
        this.tuning = tuning.stream().filter(fact -> fact.getClass().getEnclosingClass() == Tuning.class).map(Object.class::cast).toList();
        this.lag = of(tuning, Tuning.LagThreshold.class);
        this.gap = of(tuning, Tuning.GapThreshold.class);
        this.quotaPace = of(tuning, Tuning.QuotaPace.class);
        this.missing = of(tuning, Tuning.MissingThreshold.class);
        this.trend = of(tuning, Tuning.TrendTolerance.class);
        this.notice = of(tuning, Tuning.NoticeWindow.class);
        this.stall = of(tuning, Tuning.StallThreshold.class);
        this.water = of(tuning, Tuning.WaterPhase.class);
    }

    /** With the thresholds the rule set's {@code levels.drl} states: fired once, with no indicator in the session. */
    static ReferenceJudge of(RuleSet rules) {
        KieSession session = rules.newSession();
        try {
            session.insert(rules.scope());
            session.fireAllRules();
            return new ReferenceJudge(new ArrayList<>(session.getObjects()));
        } finally {
            session.dispose();
        }
    }

    /** The highest finding per indicator and cause, in the order {@link Judgement#findings()} has them. */
    List<Finding> judge(Collection<Standing> standings) {
        Map<String, Finding> highest = new LinkedHashMap<>();
        for (Standing s : standings) {
            for (Finding finding : findings(s)) {
                highest.merge(finding.indicator() + "/" + finding.cause(), finding, (a, b) -> b.level().above(a.level()) ? b : a);
            }
        }
        return highest.values().stream().sorted(Comparator.comparing(Finding::indicator).thenComparing(Finding::cause)).toList();
    }

    /** The findings as a session would hand them to {@link Judge#verdicts}: no firings, the same thresholds. */
    Judge.Fired fired(Collection<Standing> standings) {
        Map<Finding, String> raisedBy = new LinkedHashMap<>();
        standings.forEach(s -> findings(s).forEach(finding -> raisedBy.put(finding, "")));
        return new Judge.Fired(raisedBy, List.of(), Map.of(), tuning);
    }

    /** Every finding the judging rules make about one standing, rule by rule in the order of judging.drl. */
    List<Finding> findings(Standing s) {
        List<Finding> found = new ArrayList<>();
        Measure m = s.measure();
        if (m == Measure.PACE && s.beforeDeadline() && s.judgedAt() != null && !s.met()) {
            highestAtMost(lag, Tuning.LagThreshold::points, s.lag()).ifPresent(t -> found.add(Finding.lag(s, t.level())));
        }
        for (Tuning.TrendTolerance t : trend) {
            if (m == Measure.PACE && s.beforeDeadline() && !s.met() && s.hasTrend() && s.timeProgress() >= 25
                    && s.projectedShortfall() > t.percent()) {
                found.add(Finding.trend(s, Level.ORANGE));
            }
        }
        if (m == Measure.QUOTA && s.beforeDeadline() && s.reached() && s.hasTrend() && s.timeProgress() >= 25 && s.projectedOverQuota()) {
            found.add(Finding.trend(s, Level.ORANGE));
        }
        if (m == Measure.THRESHOLD && s.beforeDeadline() && s.judgedAt() != null && !s.reached()) {
            highestAtMost(gap, Tuning.GapThreshold::percent, s.gap()).ifPresent(t -> found.add(Finding.belowTarget(s, t.level())));
        }
        if (m == Measure.QUOTA && s.beforeDeadline() && s.judgedAt() != null && s.reached()) {
            highestAtMost(quotaPace, Tuning.QuotaPace::points, s.quotaAhead()).ifPresent(t -> found.add(Finding.quotaPace(s, t.level())));
        }
        if ((m == Measure.HOLD || m == Measure.QUOTA) && s.broken() != null) {
            found.add(Finding.limit(s, Level.RED));
        }
        if (m == Measure.WATER && s.beforeDeadline() && s.worseThanTarget()) {
            found.add(Finding.worseWater(s, Level.RED));
        }
        for (Tuning.WaterPhase phase : water) {
            if (m == Measure.WATER && s.beforeDeadline() && s.atTargetClass()) {
                found.add(Finding.waterAtTarget(s, s.timeProgress() < phase.percent() ? Level.YELLOW : Level.ORANGE));
            }
        }
        for (Tuning.StallThreshold t : stall) {
            if (m == Measure.MILESTONE && s.beforeDeadline() && s.notStarted() && s.timeProgress() >= t.percent()) {
                found.add(Finding.stalled(s, Level.YELLOW));
            }
        }
        for (Tuning.NoticeWindow t : notice) {
            if ((m == Measure.PACE || m == Measure.STOCK || m == Measure.MILESTONE) && s.beforeDeadline() && !s.reached()
                    && s.daysToDeadline() <= t.days()) {
                found.add(Finding.deadlineNear(s, Level.BLUE));
            }
        }
        if (!s.beforeDeadline() && !s.met() && !s.finalFigure() && !s.finalOverdue()) {
            found.add(Finding.finalPending(s, Level.BLUE));
        }
        if (!s.beforeDeadline() && !s.met() && (s.finalFigure() || s.finalOverdue())) {
            found.add(Finding.overdue(s, Level.RED));
        }
        if (s.missedPeriods() > 0) {
            highestAtMost(missing, t -> t.periods(), s.missedPeriods()).ifPresent(t -> found.add(Finding.missing(s, t.level())));
        }
        return found;
    }

    /** The threshold a value reaches that no higher threshold it reaches beats: {@code $t : T(x <= v); not T(x <= v, x > $t.x)}. */
    private static <T> Optional<T> highestAtMost(List<T> thresholds, ToDoubleFunction<T> at, double value) {
        T best = null;
        for (T t : thresholds) {
            if (at.applyAsDouble(t) <= value && (best == null || at.applyAsDouble(t) > at.applyAsDouble(best))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    private static <T> List<T> of(Collection<?> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).map(Function.<T>identity()).toList();
    }
}
