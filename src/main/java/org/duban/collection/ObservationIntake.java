package org.duban.collection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Department;
import org.duban.catalog.Indicator;
import org.duban.catalog.IndicatorKind;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.rules.facts.WaterClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way values enter Duban, whatever the channel. A batch is checked whole; any error
 * rejects all of it with every error named. A value equal to the latest revision for its
 * indicator and date is not stored again, so submitting the same batch twice changes nothing.
 */
@Service
public class ObservationIntake {

    private static final Set<String> STATUSES = Set.of("未启动", "推进中", "已完成");
    /** observation.value_number and reference_value are DECIMAL(20, 6): 14 digits before the point, 6 after. */
    private static final int MAX_SCALE = 6;
    private static final int MAX_INTEGER_DIGITS = 14;
    private static final int MAX_NOTE = 1000;

    /** How a batch went: how many values became new revisions, how many were already there. */
    public record Receipt(int stored, int unchanged) {
    }

    private record Checked(String plan, long indicatorId, ObservationInput input, LocalDate date, BigDecimal value, String text, BigDecimal reference) {
    }

    /** @param reporters the lead departments of the indicator's task and of the tasks sharing it */
    private record Known(long id, Indicator indicator, List<Department> reporters) {
    }

    private final PlanCatalog catalog;
    private final CatalogKeys keys;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ObservationIntake(PlanCatalog catalog, CatalogKeys keys, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.keys = keys;
        this.clock = clock;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /**
     * Checks values exactly as {@link #submit} does and returns them as they would be stored, storing
     * nothing: what rule scenarios and previews judge, so a state production cannot reach cannot be judged.
     */
    public List<Observation> preview(Optional<String> planCode, List<ObservationInput> inputs, Submitter submitter) {
        return checkAll(planCode, inputs, submitter).stream()
                .map(c -> new Observation(c.input().indicator().strip(), c.date(), 1, c.value(), c.text(), c.reference(),
                        blank(c.input().note()) ? null : c.input().note().strip(), Channel.API, null, submitter.username(), c.input().submittedAt()))
                .toList();
    }

    @Transactional
    public Receipt submit(Optional<String> planCode, List<ObservationInput> inputs, Submitter submitter, Channel channel, String source) {
        List<Checked> checked = checkAll(planCode, inputs, submitter);
        int stored = 0;
        Map<String, Set<String>> touched = new java.util.LinkedHashMap<>();
        for (Checked value : checked) {
            try {
                if (store(value, submitter, channel, source)) {
                    stored++;
                    touched.computeIfAbsent(value.plan(), plan -> new java.util.HashSet<>()).add(value.input().indicator());
                }
            } catch (DuplicateKeyException e) {
                // another submission took the same revision number a moment ago; this batch is rolled back whole
                throw new ObservationsRejected(List.of(new ObservationProblem(value.input().place(), value.input().column("date"),
                        "指标 " + value.input().indicator() + " 在 " + value.date() + " 的数据正被同时提交，本批未保存，请重新提交")));
            }
        }
        touched.forEach((plan, indicators) -> events.publishEvent(new ObservationsAccepted(plan, indicators, channel, submitter.username())));
        return new Receipt(stored, checked.size() - stored);
    }

    /** Of {@code plans}, those that have an indicator of this code. */
    List<Plan> plansWith(String indicator, List<Plan> plans) {
        return having(indicator, codesOf(plans));
    }

    private Map<Plan, java.util.Set<String>> codesOf(List<Plan> plans) {
        Map<Plan, java.util.Set<String>> codes = new java.util.LinkedHashMap<>();
        plans.forEach(plan -> codes.put(plan, keys.indicators(plan.code()).keySet()));
        return codes;
    }

    private static List<Plan> having(String indicator, Map<Plan, java.util.Set<String>> codes) {
        return codes.entrySet().stream().filter(entry -> entry.getValue().contains(indicator)).map(Map.Entry::getKey).toList();
    }

    /** Every input checked against its plan; throws with every problem of every plan named when any input is wrong. */
    private List<Checked> checkAll(Optional<String> planCode, List<ObservationInput> inputs, Submitter submitter) {
        Map<Plan, List<ObservationInput>> byPlan = plansOf(planCode, inputs, submitter);
        List<Checked> checked = new ArrayList<>();
        List<ObservationProblem> problems = new ArrayList<>();
        byPlan.forEach((plan, planInputs) -> {
            try {
                checked.addAll(checkAll(plan, planInputs, submitter));
            } catch (ObservationsRejected rejected) {
                problems.addAll(rejected.problems());
            }
        });
        if (!problems.isEmpty()) {
            throw new ObservationsRejected(problems);
        }
        return checked;
    }

    /**
     * Which plan each value belongs to. A named plan takes every value. Otherwise an indicator code
     * is looked up in the plans running today that the submitter reports to (a department: its
     * region's); a code two of them share must name its plan — never a guess.
     */
    private Map<Plan, List<ObservationInput>> plansOf(Optional<String> planCode, List<ObservationInput> inputs, Submitter submitter) {
        Map<Plan, List<ObservationInput>> byPlan = new java.util.LinkedHashMap<>();
        if (planCode.isPresent()) {
            Plan plan = catalog.plan(planCode).orElseThrow(() -> new ObservationsRejected(List.of(
                    new ObservationProblem("", "plan", PlanCatalog.missing(planCode)))));
            if (submitter.region().filter(region -> !region.equals(plan.regionCode())).isPresent()) {
                throw new ObservationsRejected(List.of(new ObservationProblem("", "plan", "计划 " + plan.code() + " 不属于本部门所在地区，无权报送")));
            }
            byPlan.put(plan, inputs);
            return byPlan;
        }
        List<Plan> mine = submitter.region().map(catalog::plansOf).orElseGet(catalog::plans);
        List<Plan> active = mine.stream().filter(plan -> plan.activeOn(LocalDate.now(clock))).toList();
        List<Plan> candidates = active.isEmpty() ? mine : active;
        if (candidates.isEmpty()) {
            throw new ObservationsRejected(List.of(new ObservationProblem("", "plan", PlanCatalog.missing(planCode))));
        }
        if (candidates.size() == 1) {
            byPlan.put(candidates.get(0), inputs);
            return byPlan;
        }
        Map<Plan, java.util.Set<String>> codes = codesOf(candidates);
        List<ObservationProblem> problems = new ArrayList<>();
        for (ObservationInput input : inputs) {
            List<Plan> having = having(input.indicator(), codes);
            if (having.size() > 1) {
                problems.add(new ObservationProblem(input.place(), input.column("indicator"), "指标 " + shown(input.indicator()) + " 同属计划 "
                        + String.join("、", having.stream().map(Plan::code).toList()) + "，请用 plan 指明报送的是哪个计划"));
            } else {
                // an unknown code is checked (and named) with the first plan
                byPlan.computeIfAbsent(having.isEmpty() ? candidates.get(0) : having.get(0), p -> new ArrayList<>()).add(input);
            }
        }
        if (!problems.isEmpty()) {
            throw new ObservationsRejected(problems);
        }
        if (byPlan.isEmpty()) {
            byPlan.put(candidates.get(0), inputs); // nothing sent: said so by the check
        }
        return byPlan;
    }

    /** Every input checked; throws with every problem named when any input is wrong. */
    private List<Checked> checkAll(Plan plan, List<ObservationInput> inputs, Submitter submitter) {
        Map<String, Known> known = known(plan);
        List<ObservationProblem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        if (inputs.isEmpty()) {
            problems.add(new ObservationProblem("", "", "没有任何数据"));
        }
        for (ObservationInput input : inputs) {
            check(input, plan, known, submitter, problems).ifPresent(ok -> {
                String key = input.indicator() + "@" + ok.date();
                String first = seen.putIfAbsent(key, input.place());
                if (first != null) {
                    problems.add(new ObservationProblem(input.place(), input.column("date"), "与" + first + "重复（同一指标同一日期）"));
                } else {
                    checked.add(ok);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ObservationsRejected(problems);
        }
        return checked;
    }

    private Optional<Checked> check(ObservationInput input, Plan plan, Map<String, Known> known, Submitter submitter, List<ObservationProblem> problems) {
        int before = problems.size();
        String place = input.place();
        Known target = null;
        if (blank(input.indicator())) {
            problems.add(new ObservationProblem(place, input.column("indicator"), "缺少指标编码"));
        } else if (!input.indicator().equals(input.indicator().strip())) {
            // " T01-1" would otherwise pass as T01-1 and slip past the duplicate check as a second revision
            problems.add(new ObservationProblem(place, input.column("indicator"), "指标编码前后有空格：\"" + shown(input.indicator()) + "\"，请删去空格"));
        } else if ((target = known.get(input.indicator())) == null) {
            problems.add(new ObservationProblem(place, input.column("indicator"), "未知指标 \"" + shown(input.indicator()) + "\""));
        } else if (target.reporters().stream().noneMatch(submitter::reportsFor)) {
            problems.add(new ObservationProblem(place, input.column("indicator"), "无权报送指标 " + input.indicator() + "（由"
                    + String.join("、", target.reporters().stream().map(Department::name).toList()) + "牵头报送）"));
        }
        LocalDate date = date(input, plan, problems);
        BigDecimal value = null;
        String text = null;
        BigDecimal reference = null;
        if (target != null) {
            IndicatorKind kind = target.indicator().kind();
            if (input.value() == null || blank(String.valueOf(input.value()))) {
                problems.add(new ObservationProblem(place, input.column("value"), "缺少数值"));
            } else if (kind == IndicatorKind.MILESTONE) {
                text = String.valueOf(input.value()).strip();
                if (!STATUSES.contains(text)) {
                    problems.add(new ObservationProblem(place, input.column("value"), "未知状态 \"" + shown(text) + "\"，应为 未启动、推进中 或 已完成"));
                }
            } else if (kind == IndicatorKind.WATER_CLASS) {
                Optional<WaterClass> parsed = WaterClass.parse(String.valueOf(input.value()));
                if (parsed.isEmpty()) {
                    problems.add(new ObservationProblem(place, input.column("value"), "未知水质类别 \"" + shown(input.value()) + "\"，应为 Ⅰ、Ⅱ、Ⅲ、Ⅳ、Ⅴ 或 劣Ⅴ"));
                } else {
                    text = parsed.get().label();
                }
            } else {
                value = number(input.value(), place, input.column("value"), problems);
                if (value != null) {
                    checkRange(kind, value, target.indicator(), place, input.column("value"), problems);
                }
            }
            if (kind == IndicatorKind.CEILING || kind == IndicatorKind.RELATIVE) {
                if (input.reference() == null || blank(String.valueOf(input.reference()))) {
                    problems.add(new ObservationProblem(place, input.column("reference"), kind == IndicatorKind.CEILING
                            ? "缺少控制指标（reference），控制类指标须同时报送市下达的控制目标"
                            : "缺少对照值（reference），相对类指标须同时报送对照值（全市平均水平或上年同期值）"));
                } else {
                    reference = number(input.reference(), place, input.column("reference"), problems);
                }
            } else if (kind == IndicatorKind.LEVEL && input.reference() != null && !blank(String.valueOf(input.reference()))) {
                // a stock's start-of-year value, which its progress is measured from
                reference = number(input.reference(), place, input.column("reference"), problems);
                if (reference != null && reference.signum() < 0) {
                    problems.add(new ObservationProblem(place, input.column("reference"), "年初基数不能为负数"));
                }
            }
        }
        if (target != null && input.unit() != null && !input.unit().isBlank()
                && !input.unit().strip().equals(target.indicator().unit() == null ? "" : target.indicator().unit())) {
            problems.add(new ObservationProblem(place, input.column("unit"), "单位应为 \"" + target.indicator().unit() + "\"，实为 \"" + shown(input.unit().strip()) + "\""));
        }
        if (input.note() != null && input.note().length() > MAX_NOTE) {
            problems.add(new ObservationProblem(place, input.column("note"), "备注过长（最多 " + MAX_NOTE + " 字，实为 " + input.note().length() + " 字）"));
        }
        if (problems.size() > before || target == null) {
            return Optional.empty();
        }
        return Optional.of(new Checked(plan.code(), target.id(), input, date, value, text, reference));
    }

    private static void checkRange(IndicatorKind kind, BigDecimal value, Indicator indicator, String place, String column, List<ObservationProblem> problems) {
        if ((kind == IndicatorKind.ADDITION || kind == IndicatorKind.LEVEL || kind == IndicatorKind.CEILING) && value.signum() < 0) {
            problems.add(new ObservationProblem(place, column, "数值不能为负数（" + indicator.name() + "）"));
        }
        if (kind == IndicatorKind.RATE && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            problems.add(new ObservationProblem(place, column, "比率应在 0 到 100 之间，实为 " + value.toPlainString()));
        }
    }

    private static LocalDate date(ObservationInput input, Plan plan, List<ObservationProblem> problems) {
        if (blank(input.date())) {
            problems.add(new ObservationProblem(input.place(), input.column("date"), "缺少日期"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(input.date().strip());
            if (date.getYear() != plan.year()) {
                problems.add(new ObservationProblem(input.place(), input.column("date"), "日期 " + date + " 不在计划年度 " + plan.year() + " 年内"));
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new ObservationProblem(input.place(), input.column("date"), "日期格式应为 YYYY-MM-DD，实为 \"" + shown(input.date()) + "\""));
            return null;
        }
    }

    /**
     * A number exactly as sent, or a problem: never rounded (the column keeps 6 decimals, so more
     * are refused), never reinterpreted ("1,5" is refused rather than read as 15 or 1.5).
     */
    private static BigDecimal number(Object raw, String place, String field, List<ObservationProblem> problems) {
        if (raw instanceof String text && (text.contains(",") || text.contains("，"))) {
            problems.add(new ObservationProblem(place, field, "数值中不能有逗号（小数点请用“.”，不写千位分隔符），实为 \"" + shown(raw) + "\""));
            return null;
        }
        BigDecimal parsed = parse(raw);
        if (parsed == null) {
            problems.add(new ObservationProblem(place, field, "应为数值，实为 \"" + shown(raw) + "\""));
            return null;
        }
        BigDecimal value = parsed.stripTrailingZeros();
        if (value.scale() > MAX_SCALE) {
            problems.add(new ObservationProblem(place, field, "小数位过多：最多 " + MAX_SCALE + " 位小数，实为 \"" + shown(raw) + "\"（不会自动舍入，请自行取舍）"));
            return null;
        }
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            problems.add(new ObservationProblem(place, field, "数值过大：整数部分最多 " + MAX_INTEGER_DIGITS + " 位，实为 \"" + shown(raw) + "\""));
            return null;
        }
        return value;
    }

    private static BigDecimal parse(Object raw) {
        if (raw instanceof BigDecimal decimal) {
            return decimal;
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(raw.toString()) : null;
        }
        if (raw instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        String text = String.valueOf(raw).strip();
        if (text.length() > 64) {
            return null; // no number that fits the column is this long; BigDecimal("1e999999999") would be costly
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What the sender wrote, cut short for a message: a 5,000-character value need not be echoed whole. */
    private static String shown(Object raw) {
        String text = String.valueOf(raw);
        return text.length() <= 40 ? text : text.substring(0, 40) + "…（共 " + text.length() + " 字）";
    }

    /** Stores a new revision unless the latest one already says the same. */
    private boolean store(Checked value, Submitter submitter, Channel channel, String source) {
        Optional<Map<String, Object>> latest = jdbc.sql("""
                SELECT revision, value_number, value_text, reference_value, note FROM observation
                WHERE indicator_id = ? AND period_date = ? ORDER BY revision DESC LIMIT 1""")
                .params(value.indicatorId(), value.date()).query().listOfRows().stream().findFirst();
        String note = blank(value.input().note()) ? null : value.input().note().strip();
        if (latest.isPresent() && same(latest.get(), value, note)) {
            return false;
        }
        int revision = latest.map(row -> ((Number) row.get("revision")).intValue() + 1).orElse(1);
        jdbc.sql("""
                INSERT INTO observation (indicator_id, period_date, revision, value_number, value_text, reference_value, note,
                                         channel, source, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(value.indicatorId(), value.date(), revision, value.value(), value.text(), value.reference(), note,
                        channel.name(), source, submitter.username(),
                        Timestamp.from(value.input().submittedAt() == null ? clock.instant() : value.input().submittedAt()))
                .update();
        return true;
    }

    private static boolean same(Map<String, Object> row, Checked value, String note) {
        return equal((BigDecimal) row.get("value_number"), value.value())
                && java.util.Objects.equals(row.get("value_text"), value.text())
                && equal((BigDecimal) row.get("reference_value"), value.reference())
                && java.util.Objects.equals(row.get("note"), note);
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private Map<String, Known> known(Plan plan) {
        Map<String, CatalogKeys.IndicatorKey> ids = keys.indicators(plan.code());
        Map<String, Known> known = new HashMap<>();
        List<Task> tasks = catalog.tasks(plan.code());
        for (Task task : tasks) {
            for (Indicator indicator : task.indicators()) {
                known.put(indicator.code(), new Known(ids.get(indicator.code()).id(), indicator, PlanCatalog.reporters(tasks, indicator.code())));
            }
        }
        return known;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
