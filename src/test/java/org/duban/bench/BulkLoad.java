package org.duban.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Indicator;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.Task;
import org.duban.collection.Channel;
import org.duban.collection.Observation;
import org.duban.collection.ObservationIntake;
import org.duban.collection.Submitter;
import org.duban.rules.RuleSets;
import org.duban.rules.facts.Criterion;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a synthetic year into the running application: each plan's values are generated against
 * its own criteria, checked by {@link ObservationIntake#preview} (every check {@code submit} makes:
 * known indicator, plan year, kind, range, reference, duplicates) and then written with JDBC batch
 * inserts as first revisions. The bulk path skips only {@code submit}'s one-row-at-a-time
 * "same as the latest revision?" lookup, which an empty database answers with no anyway.
 */
final class BulkLoad {

    private static final int BATCH = 5_000;
    private static final String INSERT = """
            INSERT INTO observation (indicator_id, period_date, revision, value_number, value_text, reference_value, note,
                                     channel, source, submitted_by, submitted_at)
            VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final PlanCatalog catalog;
    private final CatalogKeys keys;
    private final RuleSets ruleSets;
    private final ObservationIntake intake;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    BulkLoad(ApplicationContext context) {
        this.catalog = context.getBean(PlanCatalog.class);
        this.keys = context.getBean(CatalogKeys.class);
        this.ruleSets = context.getBean(RuleSets.class);
        this.intake = context.getBean(ObservationIntake.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transaction = context.getBean(TransactionTemplate.class);
    }

    /** Loads every plan's year; returns how many observations were stored. */
    long loadAll() {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM observation", Integer.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("数据库中已有 " + existing + " 条上报数据：基准数据只装入空库，请先删除数据目录或数据库");
        }
        List<Object[]> pending = new ArrayList<>();
        long stored = 0;
        for (Plan plan : catalog.plans()) {
            pending.addAll(rows(plan));
            if (pending.size() >= BATCH) {
                stored += flush(pending);
            }
        }
        return stored + flush(pending);
    }

    private List<Object[]> rows(Plan plan) {
        Map<String, Criterion> criteria = new LinkedHashMap<>();
        ruleSets.current(plan.code()).orElseThrow(() -> new IllegalStateException("计划 " + plan.code() + " 的规则未能加载"))
                .criteria().forEach((code, stated) -> criteria.put(code, stated.criterion()));
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (Task task : catalog.tasks(plan.code())) {
            task.indicators().forEach(indicator -> indicators.putIfAbsent(indicator.code(), indicator));
        }
        var inputs = new SyntheticYear(plan.regionCode()).generate(List.copyOf(indicators.values()), criteria);
        List<Observation> checked = intake.preview(Optional.of(plan.code()), inputs, Submitter.office("bench"));
        Map<String, CatalogKeys.IndicatorKey> ids = keys.indicators(plan.code());
        List<Object[]> rows = new ArrayList<>(checked.size());
        for (Observation o : checked) {
            rows.add(new Object[] {ids.get(o.indicator()).id(), o.date(), o.value(), o.text(), o.reference(), o.note(),
                    Channel.API.name(), "合成数据 " + plan.code(), "bench", Timestamp.from(o.submittedAt())});
        }
        return rows;
    }

    private int flush(List<Object[]> pending) {
        int count = pending.size();
        if (count > 0) {
            transaction.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, pending));
            pending.clear();
        }
        return count;
    }
}
