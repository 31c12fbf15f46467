package org.duban.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Department;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table: messages are written here by whatever decides them, in that
 * decision's transaction, and taken from here by {@link MailDelivery}. One message per
 * department and key: the same digest, reminder or escalation is never written twice.
 */
@Repository
public class Outbox {

    /** A message in the outbox, as {@code GET /api/mail} shows it. */
    public record Message(long id, String kind, String department, String to, String cc, String subject, Status status,
                          int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError, String file) {
    }

    record Pending(long id, String to, String cc, String subject, String html, String text, int attempts) {
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
    private final Clock clock;

    Outbox(JdbcClient jdbc, CatalogKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** False when this department already has a message with this key. */
    boolean write(long departmentId, String kind, String key, List<String> to, List<String> cc, String subject, MailTemplates.Rendered body) {
        if (jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE department_id = ? AND digest_key = ?").params(departmentId, key)
                .query(Integer.class).single() > 0) {
            return false;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO mail_outbox (department_id, kind, digest_key, to_addresses, cc_addresses, subject, html_body, text_body,
                                         status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(departmentId, kind, key, String.join(",", to), cc.isEmpty() ? null : String.join(",", cc), subject, body.html(),
                        body.text(), Status.PENDING.name(), now, now)
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
        return jdbc.sql("SELECT id, to_addresses, cc_addresses, subject, html_body, text_body, attempts FROM mail_outbox WHERE id = ?").param(id)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("to_addresses"), rs.getString("cc_addresses"), rs.getString("subject"),
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

    public List<Message> latest(int limit) {
        Map<Long, Department> departments = keys.departmentsById();
        return jdbc.sql("""
                SELECT m.id, m.kind, m.department_id, m.to_addresses, m.cc_addresses, m.subject, m.status, m.attempts, m.created_at,
                       m.next_attempt_at, m.sent_at, m.last_error, m.file_path
                FROM mail_outbox m ORDER BY m.id DESC LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("kind"),
                        departments.getOrDefault(rs.getLong("department_id"), UNKNOWN).name(), rs.getString("to_addresses"),
                        rs.getString("cc_addresses"), rs.getString("subject"), Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("last_error"),
                        rs.getString("file_path")))
                .list();
    }
}
