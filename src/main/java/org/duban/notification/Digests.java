package org.duban.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.catalog.Department;
import org.duban.notification.Briefings.Briefing;
import org.duban.rules.facts.Level;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.WarningStatus;
import org.duban.warning.Warnings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One digest per lead department, To the department and CC the cooperating departments of its
 * tasks, holding what {@link NotificationPolicy} says it should be told, over every plan active
 * today: a department in two plans gets one digest with a section per plan, under its own region's
 * letterhead. The mail and the record of what was told are written in one transaction per department.
 */
@Component
class Digests {

    private static final Viewer SYSTEM = Viewer.office("notification");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<Level, String> SHORT = Map.of(Level.RED, "红", Level.ORANGE, "橙", Level.YELLOW, "黄", Level.BLUE, "蓝");

    private final Warnings warnings;
    private final Briefings briefings;
    private final Outbox outbox;
    private final MailTemplates templates;
    private final NotificationSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Digests(Warnings warnings, Briefings briefings, Outbox outbox, MailTemplates templates, NotificationSettings settings, JdbcClient jdbc,
            TransactionTemplate transaction, Clock clock) {
        this.clock = clock;
        this.warnings = warnings;
        this.briefings = briefings;
        this.outbox = outbox;
        this.templates = templates;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    int compose() {
        Instant now = clock.instant();
        NotificationPolicy policy = new NotificationPolicy(settings.repeatInterval());
        Mailing<Warning> mailing = new Mailing<>();
        for (Briefing briefing : briefings.today()) {
            for (Warning warning : warnings.find(Warnings.Filter.all().inPlan(briefing.plan().code()), SYSTEM)) {
                warning.leadDepartments().forEach(lead -> mailing.add(briefing, lead, warning));
            }
        }
        int written = 0;
        for (Mailing.Recipient<Warning> recipient : mailing.recipients()) {
            Boolean wrote = transaction.execute(status -> digest(recipient, policy, now));
            written += Boolean.TRUE.equals(wrote) ? 1 : 0;
        }
        return written;
    }

    private boolean digest(Mailing.Recipient<Warning> recipient, NotificationPolicy policy, Instant now) {
        Department department = recipient.department();
        Map<Long, NotificationPolicy.Told> told = told(recipient.id());
        List<Notifications.PlanSection<Notifications.DigestItem>> sections = new ArrayList<>();
        Set<String> cc = new LinkedHashSet<>();
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        int resolved = 0;
        for (Mailing.Share<Warning> share : recipient.shares()) {
            Briefing briefing = share.briefing();
            List<Notifications.DigestItem> items = new ArrayList<>();
            for (Warning warning : share.items()) {
                Optional<NotificationPolicy.Change> change = policy.decide(warning.level(), warning.status(), Optional.ofNullable(told.get(warning.id())), now);
                if (change.isEmpty()) {
                    continue;
                }
                items.add(briefings.item(warning, change.get(), briefing));
                warning.coDepartments().stream().map(briefing::department).flatMap(Optional::stream).filter(d -> !d.is(department))
                        .map(Department::email).filter(e -> e != null && !e.isBlank()).forEach(cc::add);
                if (change.get() == NotificationPolicy.Change.RESOLVED) {
                    resolved++;
                } else {
                    counts.merge(warning.level(), 1, Integer::sum);
                }
                remember(warning, recipient.id(), now);
            }
            if (!items.isEmpty()) {
                items.sort(Comparator.comparing((Notifications.DigestItem item) -> Level.valueOf(item.level())).reversed()
                        .thenComparing(Notifications.DigestItem::task));
                sections.add(briefing.section(department, items));
            }
        }
        if (sections.isEmpty()) {
            return false; // nothing to tell: no mail
        }
        Letterhead letterhead = recipient.letterhead();
        String subject = letterhead.subjectPrefix("重点工作预警") + subjectCounts(counts, resolved);
        Map<String, Object> variables = new HashMap<>();
        variables.put("subject", subject);
        variables.put("department", department);
        variables.put("region", letterhead.regionName());
        variables.put("asOf", recipient.shares().get(0).briefing().asOf().date().toString());
        variables.put("sections", sections);
        // every section's lines in one list, for templates written before sections
        variables.put("items", sections.stream().flatMap(section -> section.items().stream()).toList());
        variables.put("counts", counts);
        variables.put("dashboardUrl", letterhead.dashboardUrl());
        variables.put("generatedAt", STAMP.format(now.atZone(clock.getZone())));
        List<String> plans = sections.stream().map(Notifications.PlanSection::plan).toList(); // those with a section
        outbox.write(recipient.id(), new Outbox.Envelope("DIGEST", "digest-" + now.toEpochMilli(), letterhead.from(), plans,
                List.of(department.email()), List.copyOf(cc), subject), templates.render("digest", variables));
        return true;
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

    /** 红2 橙1 黄3 解除1 — levels with warnings only, most severe first. */
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
}
