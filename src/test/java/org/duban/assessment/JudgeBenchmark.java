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
 * {@link SyntheticStandings} (zhoucun-2023's 141 indicators each, as of 15 October) judged one session per region
 * over the plan's shared rule base, on one thread and on two; the floor is {@link ReferenceJudge} over the same
 * standings, on as many threads. {@code engine}/{@code floor} compare the rule engine alone (findings with their
 * messages); {@code judgement}/{@code floorJudgement} the whole judgement of an evaluation (assessments and
 * explanations built the same way from either's findings); {@code standings} what both need first.
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

    private List<SyntheticStandings.Region> all;
    private List<Map<String, Standing>> standings;
    private ReferenceJudge reference;
    private Judge judge;
    private ForkJoinPool two;

    @Setup(Level.Trial)
    public void regions() {
        PlanDefinition definition = PlanYaml.read(Path.of("config"), "zhoucun-2023");
        RuleSet plan = new PlanRules(Path.of("rules")).load(definition);
        all = SyntheticStandings.of(plan, SyntheticStandings.indicators(definition), regions, 42, DAY);
        standings = all.stream().map(region -> region.standings(AS_OF)).toList();
        reference = ReferenceJudge.of(plan);
        judge = new Judge(Duration.ofMinutes(10), Clock.systemDefaultZone());
        two = new ForkJoinPool(2);
    }

    @TearDown(Level.Trial)
    public void stop() {
        two.shutdown();
    }

    /** Drools' part: one session per region over the standings, its firings recorded; the findings it raises. */
    @Benchmark
    public int engine() {
        return sequential(i -> judge.fire(all.get(i).rules(), AS_OF, standings.get(i)).raisedBy().size());
    }

    @Benchmark
    public int engineTwoThreads() throws Exception {
        return parallel(i -> judge.fire(all.get(i).rules(), AS_OF, standings.get(i)).raisedBy().size());
    }

    /** The same findings, messages included, from the plain-Java reference. */
    @Benchmark
    public int floor() {
        return sequential(i -> reference.judge(standings.get(i).values()).size());
    }

    @Benchmark
    public int floorTwoThreads() throws Exception {
        return parallel(i -> reference.judge(standings.get(i).values()).size());
    }

    /** The evaluation's whole judgement: the engine's findings made into assessments with their explanations. */
    @Benchmark
    public int judgement() {
        return sequential(i -> judge.judge(all.get(i).rules(), AS_OF, standings.get(i)).assessments().size());
    }

    /** As {@link #judgement()}, with every firing's facts put in words, as when the whole firing log is written. */
    @Benchmark
    public int judgementWithFiringLog() {
        return sequential(i -> judge.judge(all.get(i).rules(), AS_OF, standings.get(i)).firings().stream()
                .mapToInt(firing -> firing.facts().length()).sum());
    }

    /** The floor's findings made into the same assessments and explanations: a plain-Java product's judgement. */
    @Benchmark
    public int floorJudgement() {
        return sequential(i -> Judge.verdicts(all.get(i).rules(), standings.get(i), reference.fired(standings.get(i).values()))
                .assessments().size());
    }

    /** Measuring the standings from criteria and reports ({@code Standings.of}): the same on both sides, before judging. */
    @Benchmark
    public int standings() {
        return sequential(i -> all.get(i).standings(AS_OF).size());
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
