package org.duban.rules;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.duban.catalog.PlanDefinition;
import org.duban.catalog.PlanYaml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling and reloading one plan's rules (zhoucun-2023: {@code rules/common/} and {@code rules/tasks/}, 68 files)
 * on the product's load path ({@link RuleSetBuild}: guard, executable-model compile, bytecode check, criteria stated):
 * <ul>
 * <li>{@code compileInNewJvm}: the first load after a start, one shot per fresh JVM (3 JVMs);</li>
 * <li>{@code compile}: a changed folder compiled in a warm JVM (what a rule author's edit costs);</li>
 * <li>{@code reloadUnchanged}: a reload whose files did not change: the compiled base is reused, the criteria are
 * stated again (what every district sharing a folder costs after the first).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class RuleLoadBenchmark {

    private PlanDefinition plan;
    private PlanRules warm;

    @Setup(Level.Trial)
    public void plan() {
        plan = PlanYaml.read(Path.of("config"), "zhoucun-2023");
        warm = new PlanRules(Path.of("rules"));
        warm.load(plan);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 3, jvmArgsAppend = {"-Xmx2g"})
    public RuleSet compileInNewJvm() {
        return new PlanRules(Path.of("rules")).load(PlanYaml.read(Path.of("config"), "zhoucun-2023"));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 1)
    @Measurement(iterations = 5, time = 1)
    public RuleSet compile() {
        return new PlanRules(Path.of("rules")).load(plan);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public RuleSet reloadUnchanged() {
        return warm.load(plan);
    }
}
