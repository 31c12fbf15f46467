package org.duban.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.catalog.CatalogKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads what was reported: the latest revision per date up to a day, or an indicator's full history.
 * Indicators are the catalog's: their keys come from {@link CatalogKeys}, never from its tables.
 */
@Service
public class Observations {

    private static final String COLUMNS = """
            SELECT o.indicator_id, o.period_date, o.revision, o.value_number, o.value_text, o.reference_value, o.note, o.channel,
                   o.source, o.submitted_by, o.submitted_at
            FROM observation o
            """;

    /** When each value dated on or before a day was first reported: indicator, date, first submission. */
    public record FirstReport(String indicator, LocalDate date, Instant submittedAt) {
    }

    private final JdbcClient jdbc;
    private final CatalogKeys keys;

    Observations(JdbcClient jdbc, CatalogKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** The latest revision of every value dated on or before {@code asOf}, as the evaluation sees them. */
    public List<Observation> latestUpTo(String planCode, LocalDate asOf) {
        return latestUpTo(codes(planCode), asOf);
    }

    /** As {@link #latestUpTo(String, LocalDate)}, for these indicators of the plan only (an incremental evaluation). */
    public List<Observation> latestUpTo(String planCode, LocalDate asOf, java.util.Set<String> indicators) {
        Map<Long, String> codes = codes(planCode);
        codes.values().retainAll(indicators);
        return latestUpTo(codes, asOf);
    }

    /**
     * Every revision in one ordered pass, the newest of each date kept: linear in the revisions, where a
     * MAX(revision) subquery re-reads a date's revisions for each of them (an indicator corrected again
     * and again — the values a department keeps sending — made it quadratic).
     */
    private List<Observation> latestUpTo(Map<Long, String> codes, LocalDate asOf) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<Observation> latest = new java.util.ArrayList<>();
        jdbc.sql(COLUMNS + """
                WHERE o.indicator_id IN (:ids) AND o.period_date <= :asOf
                ORDER BY o.indicator_id, o.period_date, o.revision DESC""")
                .param("ids", List.copyOf(codes.keySet())).param("asOf", asOf)
                .query((rs, n) -> observation(rs, codes))
                .list()
                .forEach(o -> {
                    Observation previous = latest.isEmpty() ? null : latest.get(latest.size() - 1);
                    if (previous == null || !previous.indicator().equals(o.indicator()) || !previous.date().equals(o.date())) {
                        latest.add(o);
                    }
                });
        return latest;
    }

    /** When each value dated on or before {@code asOf} was first reported. */
    public List<FirstReport> firstReports(String planCode, LocalDate asOf) {
        Map<Long, String> codes = codes(planCode);
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT o.indicator_id, o.period_date, MIN(o.submitted_at) AS first_submitted FROM observation o
                WHERE o.indicator_id IN (:ids) AND o.period_date <= :asOf GROUP BY o.indicator_id, o.period_date
                ORDER BY o.indicator_id, o.period_date""")
                .param("ids", List.copyOf(codes.keySet())).param("asOf", asOf)
                .query((rs, n) -> new FirstReport(codes.get(rs.getLong("indicator_id")), rs.getDate("period_date").toLocalDate(),
                        rs.getTimestamp("first_submitted").toInstant()))
                .list();
    }

    /** Every revision of an indicator's values, oldest first. */
    public List<Observation> history(String planCode, String indicator) {
        Optional<CatalogKeys.IndicatorKey> key = Optional.ofNullable(keys.indicators(planCode).get(indicator));
        if (key.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE o.indicator_id = ? ORDER BY o.period_date, o.revision")
                .param(key.get().id())
                .query((rs, n) -> observation(rs, Map.of(key.get().id(), indicator)))
                .list();
    }

    /** Whether anything was ever reported: the demo loads only into an empty database. */
    public boolean any() {
        return jdbc.sql("SELECT COUNT(*) FROM observation").query(Long.class).single() > 0;
    }

    /** How many values were reported for these indicators (by key), for the catalog's check before it drops one. */
    long countFor(List<Long> indicatorIds) {
        if (indicatorIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM observation WHERE indicator_id IN (:ids)").param("ids", indicatorIds).query(Long.class).single();
    }

    private Map<Long, String> codes(String planCode) {
        Map<Long, String> codes = new HashMap<>();
        keys.indicators(planCode).values().forEach(key -> codes.put(key.id(), key.code()));
        return codes;
    }

    private static Observation observation(ResultSet rs, Map<Long, String> codes) throws SQLException {
        return new Observation(codes.get(rs.getLong("indicator_id")), rs.getDate("period_date").toLocalDate(), rs.getInt("revision"),
                rs.getBigDecimal("value_number"), rs.getString("value_text"), rs.getBigDecimal("reference_value"),
                rs.getString("note"), Channel.valueOf(rs.getString("channel")), rs.getString("source"), rs.getString("submitted_by"),
                Optional.ofNullable(rs.getTimestamp("submitted_at")).map(Timestamp::toInstant).orElse(null));
    }
}
