package org.duban.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads what was reported: the latest revision per date up to a day, or an indicator's full history. */
@Service
public class Observations {

    private static final String COLUMNS = """
            SELECT i.code, o.period_date, o.revision, o.value_number, o.value_text, o.reference_value, o.note, o.channel,
                   o.source, o.submitted_by, o.submitted_at
            FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN plan p ON p.id = i.plan_id
            """;

    private final JdbcClient jdbc;

    Observations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest revision of every value dated on or before {@code asOf}, as the evaluation sees them. */
    public List<Observation> latestUpTo(String planCode, LocalDate asOf) {
        return jdbc.sql(COLUMNS + """
                WHERE p.code = ? AND o.period_date <= ? AND o.revision = (
                    SELECT MAX(o2.revision) FROM observation o2 WHERE o2.indicator_id = o.indicator_id AND o2.period_date = o.period_date)
                ORDER BY i.code, o.period_date""")
                .params(planCode, asOf)
                .query((rs, n) -> observation(rs))
                .list();
    }

    /** When each value dated on or before {@code asOf} was first reported: indicator, date, first submission. */
    public List<FirstReport> firstReports(String planCode, LocalDate asOf) {
        return jdbc.sql("""
                SELECT i.code, o.period_date, MIN(o.submitted_at) AS first_submitted FROM observation o
                JOIN indicator i ON i.id = o.indicator_id JOIN plan p ON p.id = i.plan_id
                WHERE p.code = ? AND o.period_date <= ? GROUP BY i.code, o.period_date ORDER BY i.code, o.period_date""")
                .params(planCode, asOf)
                .query((rs, n) -> new FirstReport(rs.getString("code"), rs.getDate("period_date").toLocalDate(),
                        rs.getTimestamp("first_submitted").toInstant()))
                .list();
    }

    /** The first time a value for an indicator and date was reported. */
    public record FirstReport(String indicator, LocalDate date, java.time.Instant submittedAt) {
    }

    /** Every revision of an indicator's values, oldest first. */
    public List<Observation> history(String planCode, String indicator) {
        return jdbc.sql(COLUMNS + " WHERE p.code = ? AND i.code = ? ORDER BY o.period_date, o.revision")
                .params(planCode, indicator)
                .query((rs, n) -> observation(rs))
                .list();
    }

    private static Observation observation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Observation(rs.getString("code"), rs.getDate("period_date").toLocalDate(), rs.getInt("revision"),
                rs.getBigDecimal("value_number"), rs.getString("value_text"), rs.getBigDecimal("reference_value"),
                rs.getString("note"), Channel.valueOf(rs.getString("channel")), rs.getString("source"), rs.getString("submitted_by"),
                Optional.ofNullable(rs.getTimestamp("submitted_at")).map(java.sql.Timestamp::toInstant).orElse(null));
    }

}
