package org.duban.assessment;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.duban.catalog.CatalogKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Times the nightly prune ({@link FiringRetention#prune()}, the product's code and SQL) on a database
 * already filled with runs, firings and warnings, as of a given moment. Not a test: run by hand.
 * {@code src/test/resources/firing-log-bench/}: apply the migrations V1–V18 (common, then mariadb/V2 and V9)
 * to an empty MariaDB database, {@code fill.sql} (400 plans, 141 indicators, 30 daily runs each, 30% of
 * indicators warned), {@code fill-firings.sh DB 1 30} (3.4 million firings), {@code queries.sh DB} (the
 * firing log's queries), V19, {@code queries.sh DB} again, then (classpath from {@code mvn
 * dependency:build-classpath -Dmdep.includeScope=test})
 * {@code java -cp target/classes:target/test-classes:$CP org.duban.assessment.FiringPruneBench
 * jdbc:mariadb://127.0.0.1:3306/DB 2023-02-21T05:00:00Z 30 10000} (thins the runs of days 1–20).
 */
public final class FiringPruneBench {

    private FiringPruneBench() {
    }

    public static void main(String[] args) throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(args[0], "root", "", true);
        dataSource.setAutoCommit(true);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(Instant.parse(args[1]), ZoneId.of("Asia/Shanghai"));
        FiringSettings settings = new FiringSettings(Duration.ofDays(Long.parseLong(args[2])), Integer.parseInt(args[3]));
        WarningTrail trail = (WarningTrail) create(Class.forName("org.duban.warning.WarningRunTrail"), jdbc);
        FiringRetention retention = new FiringRetention(jdbc, clock, settings, trail, (CatalogKeys) create(CatalogKeys.class, jdbc));

        long before = jdbc.sql("SELECT COUNT(*) FROM rule_firing").query(Long.class).single();
        long start = System.nanoTime();
        FiringRetention.Pruned pruned = retention.prune();
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = jdbc.sql("SELECT COUNT(*) FROM rule_firing").query(Long.class).single();
        System.out.printf("runs thinned %d, firings deleted %d (%d -> %d rows) in %.1f s: %.0f rows/s, %.1f ms per run%n", pruned.runs(),
                pruned.firings(), before, after, seconds, pruned.firings() / seconds, seconds * 1000 / Math.max(1, pruned.runs()));
        dataSource.destroy();
    }

    /** The module's classes are package-private by design; a bench outside Spring builds them itself. */
    private static Object create(Class<?> type, JdbcClient jdbc) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor(JdbcClient.class);
        constructor.setAccessible(true);
        return constructor.newInstance(jdbc);
    }
}
