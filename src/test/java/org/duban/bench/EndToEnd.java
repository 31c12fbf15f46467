package org.duban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.duban.DubanApplication;
import org.duban.assessment.EvaluationRun;
import org.duban.assessment.Evaluations;
import org.duban.assessment.Partition;
import org.duban.collection.Channel;
import org.duban.collection.ObservationInput;
import org.duban.collection.ObservationIntake;
import org.duban.collection.Submitter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end-to-end benchmark of one scale on one database, a main class (never a test): generates
 * the regions, starts Duban on them, loads a year of observations, evaluates every active plan on
 * a series of as-of days, then measures peak heap, database size and authenticated API reads.
 * Results are printed and appended to {@code <out>/results.tsv} (scale, database, metric, value, unit).
 *
 * <p>{@code EndToEnd <scale> <h2|mariadb> <out dir> [days: daily|weekly|monthly] [evaluation threads]}
 */
public final class EndToEnd {

    static final String BY = "基准测试";
    /** A cron that never fires while the benchmark runs, so only the benchmark evaluates. */
    private static final String NEVER = "0 0 6 1 1 ? 2099";

    private final int scale;
    private final DatabaseSize database;
    private final Path out;
    private final Results results;

    EndToEnd(int scale, DatabaseSize database, Path out) {
        this.scale = scale;
        this.database = database;
        this.out = out;
        this.results = new Results(out.resolve("results.tsv"), scale, database.kind());
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("用法: EndToEnd <县的个数> <h2|mariadb> <输出目录> [daily|weekly|monthly] [评估线程数]");
        }
        int scale = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[2]));
        Path dataDir = out.resolve("data-" + scale + "-" + args[1]);
        DatabaseSize database = switch (args[1]) {
            case "h2" -> DatabaseSize.h2(dataDir);
            case "mariadb" -> DatabaseSize.mariadb(scale, dataDir);
            default -> throw new IllegalArgumentException("数据库应为 h2 或 mariadb，实为 " + args[1]);
        };
        AsOfDays days = AsOfDays.valueOf((args.length > 3 ? args[3] : AsOfDays.forScale(scale).name()).toUpperCase());
        // as many partitions as the product evaluates in by default (duban.evaluation.partitions)
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        new EndToEnd(scale, database, out).run(days, threads);
        System.exit(0); // Quartz and the web server keep non-daemon threads
    }

    void run(AsOfDays days, int threads) throws Exception {
        long started = System.nanoTime();
        SyntheticRegions.Tree tree = new SyntheticRegions(Path.of("."), scale).write(out.resolve("tree-" + scale));
        results.add("generate", seconds(started), "s");
        database.recreate();
        HeapWatch heap = new HeapWatch();
        String password = "bench-admin-secret";
        started = System.nanoTime();
        ConfigurableApplicationContext app = start(tree, password);
        results.add("startup (catalog + rules of " + tree.counties().size() + " plans)", seconds(started), "s");
        results.add("startup CPU (all threads; the machine is shared)", cpuSeconds(), "s");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            started = System.nanoTime();
            long loaded = new BulkLoad(app).loadAll();
            double loadSeconds = seconds(started);
            results.add("observations loaded", loaded, "rows");
            results.add("bulk load", loadSeconds, "s");
            results.add("bulk load rate", loaded / loadSeconds, "rows/s");
            double cpuBefore = cpuSeconds();
            results.add("indicators", count(jdbc, "indicator"), "rows");

            heap.reset();
            evaluate(app.getBean(Evaluations.class), days, threads);
            results.add("evaluations CPU (all threads)", cpuSeconds() - cpuBefore, "s");
            results.add("peak heap during evaluations (sum of pool peaks)", heap.peakBytes() / 1e6, "MB");
            results.add("live heap after evaluations (after full GC)", heap.liveBytes() / 1e6, "MB");
            results.add("max heap (-Xmx)", heap.maxBytes() / 1e6, "MB");
            results.add("rule_firing rows", count(jdbc, "rule_firing"), "rows");
            results.add("assessment rows", count(jdbc, "assessment"), "rows");
            results.add("early_warning rows", count(jdbc, "early_warning"), "rows");
            long total = 0;
            for (Map.Entry<String, Long> table : database.sizes(jdbc).entrySet()) {
                total += table.getValue();
                if (table.getValue() > 1_000_000) {
                    results.add("db size " + table.getKey(), table.getValue() / 1e6, "MB");
                }
            }
            results.add("db size total", total / 1e6, "MB");

            incremental(app);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            for (ApiReads.Rate rate : new ApiReads(port, password).measure(SyntheticRegions.county(0), 4, Duration.ofSeconds(10))) {
                results.add("API GET /api/warnings, " + rate.credential() + " (4 clients)", rate.perSecond(), "req/s");
                if (rate.failures() > 0) {
                    results.add("API failures, " + rate.credential(), rate.failures(), "req");
                }
            }
        } finally {
            app.close();
            if (!Boolean.getBoolean("duban.bench.keep")) {
                database.drop();
            }
        }
    }

    private ConfigurableApplicationContext start(SyntheticRegions.Tree tree, String password) {
        List<String> args = new ArrayList<>(Arrays.asList(
                "--spring.config.location=classpath:/application.yml",
                "--duban.config-dir=" + tree.config().toAbsolutePath(),
                "--duban.rules-dir=" + tree.rules().toAbsolutePath(),
                "--duban.data-dir=" + database.dataDir().toAbsolutePath(),
                "--duban.clock.today=2024-03-31",
                "--duban.demo=false",
                "--duban.rules.watch=false",
                "--duban.admin-password=" + password,
                "--duban.evaluation.timeout=600s",
                "--duban.rules.load-timeout=600s",
                "--duban.schedule.evaluation=" + NEVER,
                "--duban.schedule.digest=" + NEVER,
                "--duban.schedule.reminder=" + NEVER,
                "--duban.schedule.escalation=" + NEVER,
                "--server.port=0",
                "--logging.level.org.duban.assessment.Evaluations=WARN"));
        args.addAll(database.springProperties());
        return SpringApplication.run(DubanApplication.class, args.toArray(String[]::new));
    }

    private void evaluate(Evaluations evaluations, AsOfDays days, int threads) throws Exception {
        List<LocalDate> asOf = days.days();
        List<Double> times = new ArrayList<>();
        int runs = 0;
        long all = System.nanoTime();
        for (LocalDate day : asOf) {
            long started = System.nanoTime();
            runs += evaluateAll(evaluations, day, threads);
            times.add(seconds(started));
        }
        results.add("as-of days evaluated (" + days.name().toLowerCase() + ")", asOf.size(), "days");
        results.add("evaluation runs succeeded", runs, "runs");
        results.add("full evaluation, first day " + asOf.get(0) + " (all warnings new)", times.get(0), "s");
        List<Double> sorted = times.stream().sorted().toList();
        results.add("full evaluation, median day", sorted.get(sorted.size() / 2), "s");
        results.add("full evaluation, slowest day", sorted.get(sorted.size() - 1), "s");
        results.add("all evaluations", seconds(all), "s");
    }

    /**
     * Evaluates every active plan as of {@code day} the way the scheduler does: the plans cut into
     * {@code threads} partitions, each partition on a thread of its own (one Quartz job each in the
     * product). The one place the harness asks for a full run.
     */
    static int evaluateAll(Evaluations evaluations, LocalDate day, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<EvaluationRun>>> parts = IntStream.range(0, threads)
                    .mapToObj(i -> pool.submit(() -> evaluations.runActive(day, BY, new Partition(i, threads)))).toList();
            int runs = 0;
            for (Future<List<EvaluationRun>> part : parts) {
                runs += part.get().size();
            }
            return runs;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Incremental evaluation as a sender meets it, in process (no HTTP, so the number is the intake and
     * the run): one new value of one indicator of a county, through the intake, which answers once its
     * incremental run has written the warning. Counties and values vary, so every value is a new revision.
     */
    private void incremental(ConfigurableApplicationContext app) {
        ObservationIntake intake = app.getBean(ObservationIntake.class);
        int counties = Math.min(scale, 136);
        int warmup = 30;
        int measured = 300;
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + measured; i++) {
            String plan = SyntheticRegions.plan((i * 37) % counties);
            long started = System.nanoTime();
            intake.submit(Optional.of(plan), List.of(ObservationInput.of("T22-1", "2023-09-30", 100 + (i % 500), null, null, "bench")),
                    Submitter.office("bench"), Channel.API, "bench");
            if (i >= warmup) {
                millis.add((System.nanoTime() - started) / 1e6);
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        results.add("incremental: one new value to its warning, p50 (" + counties + " counties, in process)",
                sorted.get(sorted.size() / 2), "ms");
        results.add("incremental: one new value to its warning, p99", sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), "ms");
    }

    private static long count(JdbcTemplate jdbc, String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
        return count == null ? 0 : count;
    }

    /** CPU time of this process so far: on a machine shared with others it says more than the wall clock. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
