package org.duban.assessment;

import org.duban.catalog.CatalogKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code evaluation_lock} table: a plan's row is locked by the transaction that writes a run's
 * firings, assessments and warnings, so two runs of one plan on two instances (an incremental run
 * where a value arrived, the daily run where Quartz fired it) write one after the other and the
 * second sees the first's warnings — never an indicator's second open warning. A row lock on the
 * plan's own key: runs of different plans never wait for each other.
 */
@Repository
class PlanLock {

    private final JdbcClient jdbc;
    private final CatalogKeys keys;

    PlanLock(JdbcClient jdbc, CatalogKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Makes sure the plan has its row; outside the run's transaction, so a race to add it costs nothing. */
    void prepare(String planCode) {
        long planId = planId(planCode);
        if (jdbc.sql("SELECT COUNT(*) FROM evaluation_lock WHERE plan_id = ?").param(planId).query(Long.class).single() == 0) {
            try {
                jdbc.sql("INSERT INTO evaluation_lock (plan_id) VALUES (?)").param(planId).update();
            } catch (DuplicateKeyException e) {
                // another instance added it a moment ago
            }
        }
    }

    /** Waits for, then holds until the current transaction ends, the plan's row. */
    void hold(String planCode) {
        jdbc.sql("SELECT plan_id FROM evaluation_lock WHERE plan_id = ? FOR UPDATE").param(planId(planCode)).query(Long.class).list();
    }

    private long planId(String planCode) {
        return keys.planId(planCode).orElseThrow(() -> new EvaluationFailed("没有计划 " + planCode));
    }
}
