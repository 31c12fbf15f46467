package org.duban.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Department;
import org.duban.catalog.PlanCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table: messages are written here by whatever decides them, in that
 * decision's transaction, and taken from here by {@link MailDelivery}. One message per
 * department and key: the same digest, reminder or escalation is never written twice.
 */
@Repository
public class Outbox {

    /**
     * A message in the outbox, as {@code GET /api/mail} shows it: {@code department} is the name,
     * {@code departmentCode} and {@code region} say which region's it is (names and codes repeat
     * across regions); {@code plans} are the plans it speaks of (empty for messages older than that).
     */
    public record Message(long id, String kind, String department, String departmentCode, String region, String regionName,
                          List<String> plans, String from, String to, String cc, String subject, Status status,
                          int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError, String file) {
    }

    /** What a message is and who it goes to; {@code plans} are the codes of the plans it speaks of. */
    record Envelope(String kind, String key, String from, List<String> plans, List<String> to, List<String> cc, String subject) {
    }

    /** {@code from} is null for messages written before each region had its sender. */
    record Pending(long id, String from, String to, String cc, String subject, String html, String text, int attempts) {
    }

    /** Where a message is: waiting (again, after a failed attempt), claimed by a sender, delivered, or given up. */
    public enum Status {
        PENDING("待发送"), SENDING("发送中"), SENT("已送达"), FAILED("失败");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** A message whose department left the registry still lists. */
    private static final Department UNKNOWN = new Department("", "—", null, null, "");

    private final JdbcClient jdbc;
    private final CatalogKeys keys;
    private final PlanCatalog catalog;
    private final Clock clock;

    Outbox(JdbcClient jdbc, CatalogKeys keys, PlanCatalog catalog, Clock clock) {
        this.keys = keys;
        this.catalog = catalog;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Whether this department has a message with this key. */
    boolean has(long departmentId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE department_id = ? AND digest_key = ?").params(departmentId, key)
                .query(Integer.class).single() > 0;
    }

    /** False when this department already has a message with this key. */
    boolean write(long departmentId, Envelope envelope, MailTemplates.Rendered body) {
        if (has(departmentId, envelope.key())) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO mail_outbox (department_id, kind, digest_key, from_address, plan_codes, to_addresses, cc_addresses, subject,
                                         html_body, text_body, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(departmentId, envelope.kind(), envelope.key(), envelope.from(), String.join(",", envelope.plans()),
                        String.join(",", envelope.to()), envelope.cc().isEmpty() ? null : String.join(",", envelope.cc()), envelope.subject(),
                        body.html(), body.text(), Status.PENDING.name(), now, now)
                .update();
        return true;
    }

    /** Messages due for an attempt: pending ones, and ones whose sending lease ran out (a crash mid-send). */
    List<Long> due(int limit) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE status IN (?, ?) AND next_attempt_at <= ? ORDER BY id LIMIT ?")
                .params(Status.PENDING.name(), Status.SENDING.name(), Timestamp.from(clock.instant()), limit).query(Long.class).list();
    }

    /** Takes a message for sending, with a lease; false if another instance took it first. */
    Optional<Pending> claim(long id, Instant leaseUntil) {
        int claimed = jdbc.sql("UPDATE mail_outbox SET status = ?, next_attempt_at = ? WHERE id = ? AND status IN (?, ?) AND next_attempt_at <= ?")
                .params(Status.SENDING.name(), Timestamp.from(leaseUntil), id, Status.PENDING.name(), Status.SENDING.name(), Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, from_address, to_addresses, cc_addresses, subject, html_body, text_body, attempts FROM mail_outbox WHERE id = ?").param(id)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("from_address"), rs.getString("to_addresses"), rs.getString("cc_addresses"), rs.getString("subject"),
                        rs.getString("html_body"), rs.getString("text_body"), rs.getInt("attempts")))
                .optional();
    }

    void sent(long id, String file) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL, file_path = ? WHERE id = ?")
                .params(Status.SENT.name(), Timestamp.from(clock.instant()), file, id).update();
    }

    void failed(long id, String error, Instant retryAt, boolean giveUp) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?")
                .params(giveUp ? Status.FAILED.name() : Status.PENDING.name(), error.length() > 2000 ? error.substring(0, 2000) : error, Timestamp.from(retryAt), id).update();
    }

    /** Puts a FAILED message back in the queue. */
    public boolean retry(long id) {
        return jdbc.sql("UPDATE mail_outbox SET status = ?, next_attempt_at = ? WHERE id = ? AND status = ?")
                .params(Status.PENDING.name(), Timestamp.from(clock.instant()), id, Status.FAILED.name()).update() > 0;
    }

    /** The newest messages, newest first. */
    public List<Message> latest(int limit) {
        return latest(limit, Optional.empty(), Optional.empty());
    }

    /**
     * The newest messages that speak of {@code plan} and go to departments of {@code region} (or a
     * region below it: a city lists its districts' mail), newest first.
     */
    public List<Message> latest(int limit, Optional<String> plan, Optional<String> region) {
        Map<Long, Department> departments = keys.departmentsById();
        Map<String, String> regionNames = new HashMap<>();
        catalog.regions().forEach(r -> regionNames.put(r.code(), r.name()));
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        plan.ifPresent(code -> {
            // plan_codes is a comma-separated list; commas around both sides match whole codes only
            where.append(" AND CONCAT(',', m.plan_codes, ',') LIKE :plan");
            params.put("plan", "%," + code + ",%");
        });
        region.ifPresent(code -> {
            Set<String> regions = catalog.regionAndBelow(code);
            List<Long> ids = departments.entrySet().stream().filter(e -> regions.contains(e.getValue().region())).map(Map.Entry::getKey).toList();
            where.append(ids.isEmpty() ? " AND 1 = 0" : " AND m.department_id IN (:departments)");
            params.put("departments", ids.isEmpty() ? List.of(-1L) : ids);
        });
        params.put("limit", limit);
        return jdbc.sql("""
                SELECT m.id, m.kind, m.department_id, m.plan_codes, m.from_address, m.to_addresses, m.cc_addresses, m.subject, m.status,
                       m.attempts, m.created_at, m.next_attempt_at, m.sent_at, m.last_error, m.file_path
                FROM mail_outbox m""" + where + " ORDER BY m.id DESC LIMIT :limit")
                .params(params)
                .query((rs, n) -> {
                    Department department = departments.getOrDefault(rs.getLong("department_id"), UNKNOWN);
                    String plans = rs.getString("plan_codes");
                    return new Message(rs.getLong("id"), rs.getString("kind"), department.name(), department.code(), department.region(),
                            regionNames.getOrDefault(department.region(), ""),
                            plans == null || plans.isBlank() ? List.of() : List.of(plans.split(",")), rs.getString("from_address"),
                            rs.getString("to_addresses"), rs.getString("cc_addresses"), rs.getString("subject"), Status.valueOf(rs.getString("status")),
                            rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                            rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("last_error"),
                            rs.getString("file_path"));
                })
                .list();
    }
}
