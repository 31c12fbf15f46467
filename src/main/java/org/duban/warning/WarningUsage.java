package org.duban.warning;

import org.duban.catalog.IndicatorUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Warnings keep their indicator in the plan. */
@Component
class WarningUsage implements IndicatorUsage {

    private final JdbcClient jdbc;

    WarningUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long uses(long indicatorId) {
        return jdbc.sql("SELECT COUNT(*) FROM early_warning WHERE indicator_id = ?").param(indicatorId).query(Long.class).single();
    }
}
