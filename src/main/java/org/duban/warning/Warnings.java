package org.duban.warning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.rules.facts.Cause;
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

    private static final String SELECT = """
            SELECT w.id, p.code AS plan_code, t.task_no, t.title AS task_title, i.code AS indicator_code, i.name AS indicator_name,
                   w.cause, w.causes, w.warning_level, w.status, w.rule_name, w.message, w.raised_at, w.updated_at, w.last_run_id,
                   w.acknowledged_by, w.acknowledged_at, w.explanation, w.promised_date, w.resolved_by, w.resolved_at,
                   w.resolution_comment, w.task_id, w.indicator_id
            FROM early_warning w JOIN plan p ON p.id = w.plan_id JOIN task t ON t.id = w.task_id JOIN indicator i ON i.id = w.indicator_id
            """;
    /** A department's warnings: of the tasks it leads or joins, and of indicators those tasks share. */
    private static final String OF_DEPARTMENT = " AND EXISTS (SELECT 1 FROM task_department td JOIN department d ON d.id = td.department_id"
            + " WHERE (td.task_id = w.task_id OR td.task_id IN (SELECT s.task_id FROM task_shared_indicator s WHERE s.indicator_id = w.indicator_id))"
            + " AND (d.code = ? OR d.name = ?))";

    /** What to list; every part is optional. */
    public record Filter(Optional<WarningStatus> status, Optional<Level> level, Optional<String> department, Optional<Integer> task,
                         Optional<Long> runId) {
        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** early_warning.explanation and resolution_comment are VARCHAR(2000). */
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final WarningHistory history;
    private final Clock clock;

    Warnings(JdbcClient jdbc, WarningHistory history, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.history = history;
    }

    public List<Warning> find(Filter filter, Viewer viewer) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter.status().ifPresent(status -> { sql.append(" AND w.status = ?"); params.add(status.name()); });
        filter.level().ifPresent(level -> { sql.append(" AND w.warning_level = ?"); params.add(level.name()); });
        filter.task().ifPresent(task -> { sql.append(" AND t.task_no = ?"); params.add(task); });
        filter.runId().ifPresent(run -> { sql.append(" AND w.last_run_id = ? AND w.status <> 'RESOLVED'"); params.add(run); });
        filter.department().ifPresent(department -> { sql.append(OF_DEPARTMENT); params.add(department); params.add(department); });
        viewer.departmentCode().ifPresent(own -> { sql.append(OF_DEPARTMENT); params.add(own); params.add(own); });
        sql.append(" ORDER BY t.task_no, i.code, w.id");
        return withDepartments(jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list());
    }

    public Optional<Warning> find(long id, Viewer viewer) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE w.id = ?");
        List<Object> params = new ArrayList<>(List.of(id));
        viewer.departmentCode().ifPresent(own -> { sql.append(OF_DEPARTMENT); params.add(own); params.add(own); });
        return withDepartments(jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list()).stream().findFirst();
    }

    public List<WarningEvent> history(long id, Viewer viewer) {
        require(id, viewer);
        return jdbc.sql("""
                SELECT happened_at, event, run_id, from_level, to_level, from_status, to_status, actor, comment, message
                FROM warning_event WHERE warning_id = ? ORDER BY id""")
                .param(id)
                .query((rs, n) -> new WarningEvent(rs.getTimestamp("happened_at").toInstant(), rs.getString("event"),
                        rs.getObject("run_id", Long.class), rs.getString("from_level"), rs.getString("to_level"),
                        rs.getString("from_status"), rs.getString("to_status"), rs.getString("actor"), rs.getString("comment"),
                        rs.getString("message")))
                .list();
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
        history.record(id, "ACKNOWLEDGED", warning.level().name(), warning.level().name(), warning.status().name(),
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
                    pending_level = NULL, pending_since = NULL WHERE id = ?""")
                .params(WarningStatus.RESOLVED.name(), viewer.username(), now(), text, now(), id)
                .update();
        history.record(id, "RESOLVED", warning.level().name(), warning.level().name(), warning.status().name(),
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


    private List<Warning> withDepartments(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> lead = new LinkedHashMap<>();
        Map<Long, List<String>> co = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT td.task_id, td.role, d.name FROM task_department td JOIN department d ON d.id = td.department_id
                ORDER BY td.task_id, td.role, td.position""")
                .query((rs, n) -> {
                    (rs.getString("role").equals("LEAD") ? lead : co).computeIfAbsent(rs.getLong("task_id"), k -> new ArrayList<>()).add(rs.getString("name"));
                    return null;
                }).list();
        Map<Long, List<Long>> sharing = new LinkedHashMap<>();
        jdbc.sql("SELECT indicator_id, task_id FROM task_shared_indicator ORDER BY task_id")
                .query((rs, n) -> sharing.computeIfAbsent(rs.getLong("indicator_id"), k -> new ArrayList<>()).add(rs.getLong("task_id"))).list();
        return rows.stream().map(row -> {
            // the indicator's own task first, then every task sharing it; a department named twice is listed once, as lead if it leads any
            List<Long> tasks = new ArrayList<>(List.of(row.taskId()));
            tasks.addAll(sharing.getOrDefault(row.indicatorId(), List.of()));
            List<String> leads = tasks.stream().flatMap(t -> lead.getOrDefault(t, List.of()).stream()).distinct().toList();
            List<String> cos = tasks.stream().flatMap(t -> co.getOrDefault(t, List.of()).stream()).distinct().filter(d -> !leads.contains(d)).toList();
            return row.warning(leads, cos);
        }).toList();
    }

    private record Row(long taskId, long indicatorId, long id, String plan, int task, String taskTitle, String indicator, String indicatorName, List<Cause> causes,
                       Level level, WarningStatus status, String rule, String message, Instant raisedAt, Instant updatedAt, long lastRunId,
                       String acknowledgedBy, Instant acknowledgedAt, String explanation, LocalDate promisedDate, String resolvedBy,
                       Instant resolvedAt, String resolutionComment) {
        Warning warning(List<String> lead, List<String> co) {
            return new Warning(id, plan, task, taskTitle, indicator, indicatorName, causes, level, status, rule, message, lead, co,
                    raisedAt, updatedAt, lastRunId, acknowledgedBy, acknowledgedAt, explanation, promisedDate, resolvedBy, resolvedAt,
                    resolutionComment);
        }
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("task_id"), rs.getLong("indicator_id"), rs.getLong("id"), rs.getString("plan_code"), rs.getInt("task_no"), rs.getString("task_title"),
                rs.getString("indicator_code"), rs.getString("indicator_name"), causes(rs.getString("causes"), rs.getString("cause")),
                Level.valueOf(rs.getString("warning_level")), WarningStatus.valueOf(rs.getString("status")), rs.getString("rule_name"),
                rs.getString("message"), instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("updated_at")), rs.getLong("last_run_id"),
                rs.getString("acknowledged_by"), instant(rs.getTimestamp("acknowledged_at")), rs.getString("explanation"),
                rs.getDate("promised_date") == null ? null : rs.getDate("promised_date").toLocalDate(), rs.getString("resolved_by"),
                instant(rs.getTimestamp("resolved_at")), rs.getString("resolution_comment"));
    }

    /** Warnings written before causes were listed carry only their one cause. */
    private static List<Cause> causes(String causes, String cause) {
        String joined = causes == null || causes.isBlank() ? cause : causes;
        return java.util.Arrays.stream(joined.split(",")).map(String::strip).map(Cause::valueOf).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
