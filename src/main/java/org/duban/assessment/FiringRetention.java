package org.duban.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.duban.catalog.CatalogKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps the firing log from growing without end (about two rows per indicator per run). A run that
 * started longer ago than {@code duban.firings.retention} keeps only the firings of the indicators
 * behind the warnings ({@link WarningTrail}); its assessments are never touched, nor is a run still
 * RUNNING. Rows go in statements of at most {@code duban.firings.prune-batch}, each its own short
 * transaction, and each thinned run is marked so that it is never scanned again.
 */
@Service
public class FiringRetention {

    /** What one pass removed. */
    public record Pruned(int runs, long firings) {
    }

    private static final Logger log = LoggerFactory.getLogger(FiringRetention.class);

    /** Runs taken per round; also bounds the IN list sent to {@link WarningTrail}. */
    private static final int RUNS_PER_ROUND = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FiringSettings settings;
    private final WarningTrail trail;
    private final CatalogKeys keys;

    FiringRetention(JdbcClient jdbc, Clock clock, FiringSettings settings, WarningTrail trail, CatalogKeys keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.trail = trail;
        this.keys = keys;
    }

    /** Thins every run older than the retention that was not thinned yet. */
    public Pruned prune() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(settings.retention()));
        Map<Long, CatalogKeys.IndicatorKey> indicators = null;
        int runs = 0;
        long firings = 0;
        List<Long> due;
        while (!(due = due(cutoff)).isEmpty()) {
            if (indicators == null) {
                indicators = keys.indicatorsById();
            }
            Map<Long, Set<Long>> behind = trail.indicatorsBehind(due);
            List<Long> quiet = new ArrayList<>();
            for (long run : due) {
                Map<Long, CatalogKeys.IndicatorKey> known = indicators;
                Set<String> kept = behind.getOrDefault(run, Set.of()).stream().map(known::get).filter(Objects::nonNull)
                        .map(CatalogKeys.IndicatorKey::code).collect(Collectors.toSet());
                if (kept.isEmpty()) {
                    quiet.add(run);
                } else {
                    firings += thin(run, kept);
                }
            }
            // most runs changed no warning: their firings go together, not one run at a time
            firings += delete("run_id IN (" + marks(quiet.size()) + ")", new ArrayList<>(quiet));
            // marked once the round is done: a pass cut off midway thins those runs again, which changes nothing
            List<Object> marked = new ArrayList<>();
            marked.add(Timestamp.from(clock.instant()));
            marked.addAll(due);
            jdbc.sql("UPDATE evaluation_run SET firings_pruned_at = ? WHERE id IN (" + marks(due.size()) + ")").params(marked).update();
            runs += due.size();
        }
        if (runs > 0) {
            log.info("触发日志清理：{} 次评估已超过 {}，删除 {} 条未引起预警变化的触发记录", runs, settings.retentionText(), firings);
        }
        return new Pruned(runs, firings);
    }

    /** Finished runs, oldest first, that started before the cut-off and were not thinned yet. */
    private List<Long> due(Timestamp cutoff) {
        return jdbc.sql("""
                        SELECT id FROM evaluation_run WHERE firings_pruned_at IS NULL AND started_at < ? AND outcome <> ?
                        ORDER BY started_at, id LIMIT ?""")
                .params(cutoff, EvaluationRun.Outcome.RUNNING.name(), RUNS_PER_ROUND)
                .query(Long.class).list();
    }

    /** Deletes the run's firings but those of the kept indicators. */
    private long thin(long runId, Set<String> kept) {
        List<Object> params = new ArrayList<>();
        params.add(runId);
        params.addAll(kept);
        // firings about no indicator (a plan-wide rule) explain no warning: they go too
        return delete("run_id = ? AND (indicator_code IS NULL OR indicator_code NOT IN (" + marks(kept.size()) + "))", params);
    }

    /** Deletes the firings matching the condition, at most a batch per statement (each its own transaction). */
    private long delete(String condition, List<Object> params) {
        if (params.isEmpty()) {
            return 0;
        }
        params.add(settings.pruneBatch());
        long deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("DELETE FROM rule_firing WHERE " + condition + " LIMIT ?").params(params).update();
            deleted += batch;
        } while (batch == settings.pruneBatch());
        return deleted;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
