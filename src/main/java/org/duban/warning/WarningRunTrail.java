package org.duban.warning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.assessment.WarningTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers from the warnings' history which indicators of a run must keep their firings. */
@Component
class WarningRunTrail implements WarningTrail {

    private final JdbcClient jdbc;

    WarningRunTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Set<Long>> indicatorsBehind(Collection<Long> runIds) {
        Map<Long, Set<Long>> behind = new HashMap<>();
        if (runIds.isEmpty()) {
            return behind;
        }
        String in = String.join(", ", Collections.nCopies(runIds.size(), "?"));
        List<Object> params = new ArrayList<>(runIds);
        params.addAll(runIds);
        // both halves stand on an index: ix_event_run, and the foreign key of last_run_id
        jdbc.sql("SELECT e.run_id, w.indicator_id FROM warning_event e JOIN early_warning w ON w.id = e.warning_id WHERE e.run_id IN (" + in + ")"
                        + " UNION SELECT last_run_id, indicator_id FROM early_warning WHERE last_run_id IN (" + in + ")")
                .params(params)
                .query((rs, n) -> behind.computeIfAbsent(rs.getLong(1), run -> new HashSet<>()).add(rs.getLong(2)))
                .list();
        return behind;
    }
}
