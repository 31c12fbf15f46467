package org.duban.notification;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.DubanClock;
import org.duban.catalog.Department;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Observation;
import org.duban.collection.Observations;
import org.duban.rules.RuleSet;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Criterion;
import org.duban.rules.facts.Level;
import org.duban.rules.facts.ReportingPeriod;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.WarningStatus;
import org.duban.warning.Warnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification module's API: composes department digests, reporting reminders and RED
 * escalations into the outbox. Each department's mail and the record of what it was told are
 * written in one transaction; {@link MailDelivery} sends them.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Viewer SYSTEM = new Viewer("notification", Optional.empty());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<Level, String> COLORS = Map.of(Level.RED, "#c0392b", Level.ORANGE, "#e67e22", Level.YELLOW, "#d4ac0d", Level.BLUE, "#2e86c1");
    private static final Map<Level, String> SHORT = Map.of(Level.RED, "红", Level.ORANGE, "橙", Level.YELLOW, "黄", Level.BLUE, "蓝");

    /** One line of a digest, as the templates see it. */
    public record DigestItem(long id, String change, String level, String levelName, String color, int task, String taskTitle,
                             String indicator, String indicatorName, String actual, String target, String timeProgress,
                             String deadline, String message, String link) {
    }

    /** One indicator a reminder asks for. */
    public record ReminderItem(String code, String name, String period, LocalDate dueDate) {
    }

    private final Warnings warnings;
    private final PlanCatalog catalog;
    private final RuleSets ruleSets;
    private final Observations observations;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final NotificationSettings settings;
    private final DubanClock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Notifications(Warnings warnings, PlanCatalog catalog, RuleSets ruleSets, Observations observations, Outbox outbox,
                  MailTemplates templates, NotificationSettings settings, DubanClock clock, JdbcClient jdbc, TransactionTemplate transaction) {
        this.warnings = warnings;
        this.catalog = catalog;
        this.ruleSets = ruleSets;
        this.observations = observations;
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** One digest per lead department that has something to be told; returns how many were written. */
    public int composeDigests() {
        Optional<Plan> plan = catalog.plan(Optional.empty());
        if (plan.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        LocalDate today = clock.today();
        Context context = context(plan.get(), today);
        NotificationPolicy policy = new NotificationPolicy(settings.repeatInterval());
        Map<String, List<Warning>> byLead = new LinkedHashMap<>();
        for (Warning warning : warnings.find(Warnings.Filter.all(), SYSTEM)) {
            warning.leadDepartments().forEach(lead -> byLead.computeIfAbsent(lead, k -> new ArrayList<>()).add(warning));
        }
        int written = 0;
        for (Map.Entry<String, List<Warning>> entry : byLead.entrySet()) {
            Department department = context.departmentsByName().get(entry.getKey());
            long departmentId = context.ids().get(department.code());
            Boolean wrote = transaction.execute(status -> digest(department, departmentId, entry.getValue(), policy, context, now));
            written += Boolean.TRUE.equals(wrote) ? 1 : 0;
        }
        log.info("已生成 {} 封部门预警邮件", written);
        return written;
    }

    private boolean digest(Department department, long departmentId, List<Warning> candidates, NotificationPolicy policy, Context context, Instant now) {
        Map<Long, NotificationPolicy.Told> told = told(departmentId);
        List<DigestItem> items = new ArrayList<>();
        Set<String> cc = new LinkedHashSet<>();
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        int resolved = 0;
        for (Warning warning : candidates) {
            Optional<NotificationPolicy.Change> change = policy.decide(warning.level(), warning.status(), Optional.ofNullable(told.get(warning.id())), now);
            if (change.isEmpty()) {
                continue;
            }
            items.add(item(warning, change.get(), context));
            warning.coDepartments().stream().map(context.departmentsByName()::get).filter(d -> d != null && !d.code().equals(department.code()))
                    .map(Department::email).filter(e -> e != null && !e.isBlank()).forEach(cc::add);
            if (change.get() == NotificationPolicy.Change.RESOLVED) {
                resolved++;
            } else {
                counts.merge(warning.level(), 1, Integer::sum);
            }
            remember(warning, departmentId, now);
        }
        if (items.isEmpty()) {
            return false;
        }
        items.sort((a, b) -> b.level().compareTo(a.level()) != 0 ? Level.valueOf(b.level()).compareTo(Level.valueOf(a.level())) : Integer.compare(a.task(), b.task()));
        String subject = "【" + context.plan().regionName() + "重点工作预警】" + subjectCounts(counts, resolved);
        Map<String, Object> variables = new HashMap<>();
        variables.put("subject", subject);
        variables.put("department", department);
        variables.put("region", context.plan().regionName());
        variables.put("asOf", context.asOf().date().toString());
        variables.put("items", items);
        variables.put("counts", counts);
        variables.put("dashboardUrl", settings.dashboardUrl());
        variables.put("generatedAt", STAMP.format(now.atZone(ZoneId.systemDefault())));
        outbox.write(departmentId, "DIGEST", "digest-" + now.toEpochMilli(), List.of(department.email()), List.copyOf(cc), subject,
                templates.render("digest", variables));
        return true;
    }

    /** Reminds each department of reports due within {@code reminderDays} and not yet in; once per department and due date. */
    public int composeReminders() {
        Optional<Plan> plan = catalog.plan(Optional.empty());
        if (plan.isEmpty()) {
            return 0;
        }
        LocalDate today = clock.today();
        Context context = context(plan.get(), today);
        int grace = context.rules().map(RuleSet::reportingGraceDays).orElse(10);
        Map<String, LocalDate> lastReported = new HashMap<>();
        for (Observation o : observations.latestUpTo(plan.get().code(), today)) {
            lastReported.merge(o.indicator(), o.date(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<Department, Map<LocalDate, List<ReminderItem>>> due = new LinkedHashMap<>();
        for (Task task : catalog.tasks(plan.get().code())) {
            for (org.duban.catalog.Indicator indicator : task.indicators()) {
                ReportingPeriod.next(indicator.frequency().name(), today, grace).ifPresent(period -> {
                    LocalDate dueDate = period.end().plusDays(grace);
                    LocalDate last = lastReported.get(indicator.code());
                    if (!dueDate.isAfter(today.plusDays(settings.reminderDays())) && (last == null || last.isBefore(period.start()))) {
                        for (Department lead : task.leadDepartments()) {
                            due.computeIfAbsent(lead, d -> new LinkedHashMap<>()).computeIfAbsent(dueDate, d -> new ArrayList<>())
                                    .add(new ReminderItem(indicator.code(), indicator.name(), period.label(), dueDate));
                        }
                    }
                });
            }
        }
        int written = 0;
        for (var department : due.entrySet()) {
            for (var byDate : department.getValue().entrySet()) {
                Map<String, Object> variables = Map.of("subject", "", "department", department.getKey(), "region", plan.get().regionName(),
                        "items", byDate.getValue(), "dashboardUrl", settings.dashboardUrl());
                String subject = "【" + plan.get().regionName() + "重点工作】数据报送提醒：" + byDate.getValue().size() + " 项指标将于 " + byDate.getKey() + " 截止";
                long id = context.ids().get(department.getKey().code());
                Boolean wrote = transaction.execute(status -> outbox.write(id, "REMINDER", "reminder-" + byDate.getKey(),
                        List.of(department.getKey().email()), List.of(), subject, templates.render("reminder", variables)));
                written += Boolean.TRUE.equals(wrote) ? 1 : 0;
            }
        }
        return written;
    }

    /** Copies RED warnings that stayed unacknowledged for {@code escalationDays} to the office's leaders, once each. */
    public int composeEscalations() {
        if (settings.leaders().isEmpty()) {
            log.info("未设置 duban.notification.leaders，红色预警超期未确认时不抄报领导");
            return 0;
        }
        Optional<Plan> plan = catalog.plan(Optional.empty());
        if (plan.isEmpty()) {
            return 0;
        }
        Context context = context(plan.get(), clock.today());
        Instant cutoff = Instant.now().minus(java.time.Duration.ofDays(settings.escalationDays()));
        int written = 0;
        for (Warning warning : warnings.find(new Warnings.Filter(Optional.of(WarningStatus.OPEN), Optional.of(Level.RED), Optional.empty(),
                Optional.empty(), Optional.empty()), SYSTEM)) {
            Optional<Instant> redSince = redSince(warning.id());
            if (redSince.isEmpty() || redSince.get().isAfter(cutoff)) {
                continue;
            }
            for (String lead : warning.leadDepartments()) {
                Department department = context.departmentsByName().get(lead);
                Map<String, Object> variables = Map.of("subject", "", "department", department, "region", plan.get().regionName(),
                        "items", List.of(item(warning, NotificationPolicy.Change.REPEATED, context)), "days", settings.escalationDays(),
                        "dashboardUrl", settings.dashboardUrl());
                String subject = "【" + plan.get().regionName() + "重点工作预警】红色预警超过 " + settings.escalationDays() + " 天未确认：" + warning.task() + ". " + warning.taskTitle();
                long id = context.ids().get(department.code());
                Boolean wrote = transaction.execute(status -> outbox.write(id, "ESCALATION", "escalation-" + warning.id() + "-" + redSince.get().toEpochMilli(),
                        settings.leaders(), List.of(department.email()), subject, templates.render("escalation", variables)));
                written += Boolean.TRUE.equals(wrote) ? 1 : 0;
            }
        }
        return written;
    }

    private record Context(Plan plan, AsOf asOf, Optional<RuleSet> rules, Map<String, Department> departmentsByName, Map<String, Long> ids,
                           Map<String, Observation> latest) {
    }

    private Context context(Plan plan, LocalDate today) {
        Map<String, Department> byName = new HashMap<>();
        catalog.departments().forEach(d -> byName.put(d.name(), d));
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, code FROM department").query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id"))).list();
        Map<String, Observation> latest = new HashMap<>();
        observations.latestUpTo(plan.code(), today).forEach(o -> latest.merge(o.indicator(), o, (a, b) -> a.date().isAfter(b.date()) ? a : b));
        return new Context(plan, new AsOf(today, plan.year()), ruleSets.current(plan.code()), byName, ids, latest);
    }

    private DigestItem item(Warning warning, NotificationPolicy.Change change, Context context) {
        Optional<Criterion> criterion = context.rules().flatMap(set -> set.criterion(warning.indicator())).map(RuleSet.StatedCriterion::criterion);
        Observation latest = context.latest().get(warning.indicator());
        String unit = catalog.task(context.plan().code(), warning.task()).flatMap(t -> t.indicators().stream()
                .filter(i -> i.code().equals(warning.indicator())).findFirst()).map(i -> i.unit() == null ? "" : i.unit()).orElse("");
        String actual = latest == null ? "未报送" : latest.text() != null ? latest.text() : number(latest.value()) + unit;
        return new DigestItem(warning.id(), change.chinese, warning.level().name(), warning.level().chinese(), COLORS.get(warning.level()),
                warning.task(), warning.taskTitle(), warning.indicator(), warning.indicatorName(), actual,
                criterion.map(c -> target(c, unit, latest)).orElse("—"),
                criterion.map(c -> String.format("%.1f%%", c.timeProgress(context.asOf()))).orElse("—"),
                criterion.map(c -> c.deadline().toString()).orElse("—"), warning.message(),
                settings.dashboardUrl() + "/warnings/" + warning.id());
    }

    private static String target(Criterion c, String unit, Observation latest) {
        String reference = latest == null || latest.reference() == null ? "" : number(latest.reference()) + unit;
        return switch (c.comparison()) {
            case AT_LEAST -> "≥" + number(c.target()) + unit;
            case AT_MOST -> "≤" + number(c.target()) + unit;
            case BETWEEN -> number(c.target()) + "–" + number(c.upper()) + unit;
            case HOLD_AT_LEAST -> "全年保持≥" + number(c.target()) + unit;
            case WITHIN_QUOTA -> "不超过控制指标" + reference;
            case ABOVE_REFERENCE -> "高于对照值" + reference;
            case BELOW_REFERENCE -> "低于对照值" + reference;
            case COMPLETED -> "已完成";
            case BETTER_THAN -> "优于" + c.targetText() + "类";
        };
    }

    private Map<Long, NotificationPolicy.Told> told(long departmentId) {
        Map<Long, NotificationPolicy.Told> told = new HashMap<>();
        jdbc.sql("SELECT warning_id, notified_level, notified_status, notified_at FROM notification_state WHERE department_id = ?").param(departmentId)
                .query((rs, n) -> told.put(rs.getLong("warning_id"), new NotificationPolicy.Told(Level.valueOf(rs.getString("notified_level")),
                        WarningStatus.valueOf(rs.getString("notified_status")), rs.getTimestamp("notified_at").toInstant())))
                .list();
        return told;
    }

    private void remember(Warning warning, long departmentId, Instant now) {
        int updated = jdbc.sql("UPDATE notification_state SET notified_level = ?, notified_status = ?, notified_at = ? WHERE warning_id = ? AND department_id = ?")
                .params(warning.level().name(), warning.status().name(), Timestamp.from(now), warning.id(), departmentId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO notification_state (warning_id, department_id, notified_level, notified_status, notified_at) VALUES (?, ?, ?, ?, ?)")
                    .params(warning.id(), departmentId, warning.level().name(), warning.status().name(), Timestamp.from(now)).update();
        }
    }

    private Optional<Instant> redSince(long warningId) {
        return jdbc.sql("""
                SELECT MAX(happened_at) FROM warning_event WHERE warning_id = ? AND to_level = 'RED' AND event IN ('RAISED', 'ESCALATED', 'REOPENED')""")
                .param(warningId).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    private static String subjectCounts(Map<Level, Integer> counts, int resolved) {
        StringBuilder subject = new StringBuilder();
        for (Level level : List.of(Level.RED, Level.ORANGE, Level.YELLOW, Level.BLUE)) {
            if (counts.getOrDefault(level, 0) > 0) {
                subject.append(subject.isEmpty() ? "" : " ").append(SHORT.get(level)).append(counts.get(level));
            }
        }
        if (resolved > 0) {
            subject.append(subject.isEmpty() ? "" : " ").append("解除").append(resolved);
        }
        return subject.toString();
    }

    private static String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
