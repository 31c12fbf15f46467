package org.duban.assessment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

import org.duban.catalog.PlanDefinition;
import org.duban.catalog.PlanYaml;
import org.duban.rules.PlanRules;
import org.duban.rules.RuleSet;
import org.duban.rules.facts.AsOf;
import org.duban.rules.facts.Standing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule engine against its plain-Java floor over the same in-memory facts (no database): every region of
 * {@link SyntheticRegions} (zhoucun-2023's 141 indicators each, as of 15 October) judged one session per region
 * over the plan's shared rule base, on one thread and on two; the floor is {@link ReferenceJudge} over the same
 * standings, on as many threads. Two cuts:
 * <ul>
 * <li>{@code engine*} / {@code floor*}: judging standings already measured — Drools' part ({@code Judge.judge(rules,
 * asOf, standings)}: session, firings and their log text, findings, assessments and explanations) against the
 * reference's findings with their messages;</li>
 * <li>{@code engineWithStandings*} / {@code floorWithStandings*}: the same with measuring the standings from criteria
 * and reports ({@code Standings.of}) included on both sides, what an evaluation does after reading observations.</li>
 * </ul>
 * Not a test: run with {@code bench/engine.sh} (see README, "Benchmarks of the rule engine").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class JudgeBenchmark {

    static final LocalDate DAY = LocalDate.of(2023, 10, 15);
    static final AsOf AS_OF = new AsOf(DAY, 2023);

    @Param({"1", "136", "3000"})
    public int regions;

    private List<SyntheticRegions.Region> all;
    private List<Map<String, Standing>> standings;
    private ReferenceJudge reference;
    private Judge judge;
    private ForkJoinPool two;

    @Setup(Level.Trial)
    public void regions() {
        PlanDefinition definition = PlanYaml.read(Path.of("config"), "zhoucun-2023");
        RuleSet plan = new PlanRules(Path.of("rules")).load(definition);
        all = SyntheticRegions.of(plan, SyntheticRegions.indicators(definition), regions, 42, DAY);
        standings = all.stream().map(region -> region.standings(AS_OF)).toList();
        reference = ReferenceJudge.of(plan);
        judge = new Judge(Duration.ofMinutes(10), Clock.systemDefaultZone());
        two = new ForkJoinPool(2);
    }

    @TearDown(Level.Trial)
    public void stop() {
        two.shutdown();
    }

    @Benchmark
    public int engine() {
        return sequential(i -> judge.judge(all.get(i).rules(), AS_OF, standings.get(i)).findings().size());
    }

    @Benchmark
    public int engineTwoThreads() throws Exception {
        return parallel(i -> judge.judge(all.get(i).rules(), AS_OF, standings.get(i)).findings().size());
    }

    @Benchmark
    public int floor() {
        return sequential(i -> reference.judge(standings.get(i).values()).size());
    }

    @Benchmark
    public int floorTwoThreads() throws Exception {
        return parallel(i -> reference.judge(standings.get(i).values()).size());
    }

    @Benchmark
    public int engineWithStandings() {
        return sequential(i -> judge.judge(all.get(i).rules(), AS_OF, all.get(i).standings(AS_OF)).findings().size());
    }

    @Benchmark
    public int floorWithStandings() {
        return sequential(i -> reference.judge(all.get(i).standings(AS_OF).values()).size());
    }

    private int sequential(ToIntFunction<Integer> region) {
        int findings = 0;
        for (int i = 0; i < all.size(); i++) {
            findings += region.applyAsInt(i);
        }
        return findings;
    }

    private int parallel(ToIntFunction<Integer> region) throws InterruptedException, ExecutionException {
        return two.submit(() -> java.util.stream.IntStream.range(0, all.size()).parallel().map(region::applyAsInt).sum()).get();
    }
}
