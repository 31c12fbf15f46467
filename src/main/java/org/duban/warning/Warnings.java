package org.duban.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duban.rules.facts.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warnings' API: finding them (a department sees only its own), their history, and the
 * steps people take: a department acknowledges with its explanation (情况说明) and, if it likes,
 * a date by which it will catch up; the office resolves.
 */
@Service
public class Warnings {

    /**
     * What to list; every part is optional. {@code task} numbers are per plan, so with several
     * plans name the plan too; {@code region} takes in the regions below it (a city's districts).
     */
    public record Filter(Optional<WarningStatus> status, Optional<Level> level, Optional<String> department, Optional<Integer> task,
                         Optional<Long> runId, Optional<String> plan, Optional<String> region) {

        public Filter(Optional<WarningStatus> status, Optional<Level> level, Optional<String> department, Optional<Integer> task,
                      Optional<Long> runId) {
            this(status, level, department, task, runId, Optional.empty(), Optional.empty());
        }

        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** The same filter, for one plan. */
        public Filter inPlan(String planCode) {
            return new Filter(status, level, department, task, runId, Optional.of(planCode), region);
        }
    }

    /** early_warning.explanation and resolution_comment are VARCHAR(2000). */
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final WarningHistory history;
    private final WarningLedger ledger;
    private final Clock clock;

    Warnings(JdbcClient jdbc, WarningHistory history, WarningLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        this.jdbc = jdbc;
        this.history = history;
    }

    public List<Warning> find(Filter filter, Viewer viewer) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter.status().ifPresent(status -> { where.append(" AND status = ?"); params.add(status.name()); });
        filter.level().ifPresent(level -> { where.append(" AND warning_level = ?"); params.add(level.name()); });
        filter.runId().ifPresent(run -> { where.append(" AND last_run_id = ? AND status <> 'RESOLVED'"); params.add(run); });
        Optional<java.util.Set<String>> plans = ledger.plans(filter);
        return ledger.read(where.toString(), params, ledger.visible(plans, viewer)).stream()
                .filter(entry -> plans.map(covered -> covered.contains(entry.warning().plan())).orElse(true))
                .filter(entry -> filter.task().map(entry.tasks()::contains).orElse(true))
                .filter(entry -> filter.department().map(entry::concerns).orElse(true))
                .filter(entry -> entry.visibleTo(viewer))
                .map(WarningLedger.Entry::warning)
                .toList();
    }

    public Optional<Warning> find(long id, Viewer viewer) {
        return ledger.read(" WHERE id = ?", List.of(id)).stream()
                .filter(entry -> entry.visibleTo(viewer))
                .map(WarningLedger.Entry::warning)
                .findFirst();
    }

    public List<WarningEvent> history(long id, Viewer viewer) {
        require(id, viewer);
        return jdbc.sql("""
                SELECT happened_at, event, run_id, from_level, to_level, from_status, to_status, actor, comment, message, causes
                FROM warning_event WHERE warning_id = ? ORDER BY id""")
                .param(id)
                .query((rs, n) -> new WarningEvent(rs.getTimestamp("happened_at").toInstant(), WarningEvent.Kind.valueOf(rs.getString("event")),
                        rs.getObject("run_id", Long.class), rs.getString("from_level"), rs.getString("to_level"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("actor"), rs.getString("comment"),
                        rs.getString("message"), rs.getString("causes")))
                .list();
    }

    /** When the warning last became RED (raised, escalated or reopened at RED); empty if it never was. */
    public Optional<java.time.Instant> redSince(long id) {
        return jdbc.sql("""
                SELECT MAX(happened_at) FROM warning_event WHERE warning_id = ? AND to_level = 'RED' AND event IN ('RAISED', 'ESCALATED', 'REOPENED')""")
                .param(id).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The department explains; a later escalation opens the warning again. */
    @Transactional
    public Warning acknowledge(long id, Viewer viewer, String explanation, LocalDate promisedDate) {
        Warning warning = require(id, viewer);
        if (warning.status() == WarningStatus.RESOLVED) {
            throw new WarningProblem(WarningProblem.Kind.CONFLICT, "预警 " + id + " 已解除，无需确认");
        }
        if (explanation == null || explanation.isBlank()) {
            throw new WarningProblem(WarningProblem.Kind.INVALID, "确认预警须填写情况说明（explanation）");
        }
        if (explanation.length() > MAX_TEXT) {
            throw new WarningProblem(WarningProblem.Kind.INVALID, "情况说明（explanation）过长：最多 " + MAX_TEXT + " 字，实为 " + explanation.length() + " 字");
        }
        LocalDate today = LocalDate.now(clock);
        if (promisedDate != null && promisedDate.isBefore(today)) {
            throw new WarningProblem(WarningProblem.Kind.INVALID, "承诺赶上进度的日期（promisedDate）" + promisedDate + " 已过去，应不早于今天 " + today);
        }
        jdbc.sql("UPDATE early_warning SET status = ?, acknowledged_by = ?, acknowledged_at = ?, explanation = ?, promised_date = ?, updated_at = ? WHERE id = ?")
                .params(WarningStatus.ACKNOWLEDGED.name(), viewer.username(), now(), explanation.strip(), promisedDate, now(), id)
                .update();
        history.record(id, WarningEvent.Kind.ACKNOWLEDGED, warning.level().name(), warning.level().name(), warning.status().name(),
                WarningStatus.ACKNOWLEDGED.name(), viewer.username(),
                explanation.strip() + (promisedDate == null ? "" : "（承诺于 " + promisedDate + " 前赶上进度）"));
        return require(id, viewer);
    }

    /** The office closes a warning; if its condition returns, the next evaluation opens it again. */
    @Transactional
    public Warning resolve(long id, Viewer viewer, String comment) {
        Warning warning = require(id, viewer);
        if (warning.status() == WarningStatus.RESOLVED) {
            throw new WarningProblem(WarningProblem.Kind.CONFLICT, "预警 " + id + " 已经解除");
        }
        if (comment != null && comment.length() > MAX_TEXT) {
            throw new WarningProblem(WarningProblem.Kind.INVALID, "解除说明（comment）过长：最多 " + MAX_TEXT + " 字，实为 " + comment.length() + " 字");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        jdbc.sql("""
                UPDATE early_warning SET status = ?, resolved_by = ?, resolved_at = ?, resolution_comment = ?, updated_at = ?,
                    pending_level = NULL, pending_clear = FALSE, pending_since = NULL WHERE id = ?""")
                .params(WarningStatus.RESOLVED.name(), viewer.username(), now(), text, now(), id)
                .update();
        history.record(id, WarningEvent.Kind.RESOLVED, warning.level().name(), warning.level().name(), warning.status().name(),
                WarningStatus.RESOLVED.name(), viewer.username(), text);
        return require(id, viewer);
    }

    private Warning require(long id, Viewer viewer) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM early_warning WHERE id = ?").param(id).query(Integer.class).single() > 0;
        if (!exists) {
            throw new WarningProblem(WarningProblem.Kind.NOT_FOUND, "没有编号为 " + id + " 的预警");
        }
        return find(id, viewer).orElseThrow(() -> new WarningProblem(WarningProblem.Kind.FORBIDDEN, "预警 " + id + " 不属于本部门的任务"));
    }


    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
