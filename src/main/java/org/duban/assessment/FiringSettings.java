package org.duban.assessment;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * How long the firing log is kept in full ({@code duban.firings.*}).
 *
 * @param retention  runs that started longer ago than this keep only the firings behind a change of a
 *                   warning (and behind each warning's standing); a number alone is days ({@code 30}),
 *                   or a duration ({@code 30d}, {@code P30D}). At least one day, so that a run is never
 *                   thinned before anyone could read it
 * @param pruneBatch at most this many rows are deleted per statement, each statement its own short
 *                   transaction, so MariaDB never holds locks on the firing log for long
 */
@ConfigurationProperties("duban.firings")
public record FiringSettings(@DurationUnit(ChronoUnit.DAYS) @DefaultValue("30d") Duration retention,
                             @DefaultValue("10000") int pruneBatch) {

    public FiringSettings {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("duban.firings.retention 至少为 1 天（例如 30 或 30d），实为 " + retention);
        }
        if (pruneBatch < 100 || pruneBatch > 100_000) {
            throw new IllegalArgumentException("duban.firings.prune-batch 应在 100 到 100000 之间，实为 " + pruneBatch);
        }
    }

    /** "30 天", or "36 小时" for a retention that is not whole days, as the firing log's note says it. */
    String retentionText() {
        return retention.toHoursPart() == 0 && retention.toMinutesPart() == 0 ? retention.toDays() + " 天" : retention.toHours() + " 小时";
    }
}
