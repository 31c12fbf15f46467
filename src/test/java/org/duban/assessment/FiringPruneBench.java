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
 * already filled with runs, firings and warnings, as of a given moment. Not a test: run by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.duban.assessment.FiringPruneBench
 * jdbc:mariadb://127.0.0.1:3306/duban_retention_bench 2023-02-02T07:00:00Z 30 10000}.
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
