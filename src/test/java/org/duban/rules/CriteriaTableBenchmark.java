package org.duban.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.duban.catalog.PlanDefinition;
import org.duban.catalog.PlanYaml;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One criteria table holding many regions' criteria (a row per region and indicator, zhoucun-2023's 141 each) in a
 * folder {@code rules/nation/}: how the load scales with the regions in one table.
 * <ul>
 * <li>{@code compileTable}: read and check the table, convert it to DRL, compile, check the bytecode and state one
 * region's criteria: what the first plan naming the folder pays;</li>
 * <li>{@code stateOneRegion}: the next plan naming the folder, its base already compiled: the criteria of its region
 * stated from the shared base (paid once per plan and load).</li>
 * </ul>
 * A table's rows become one rule each. Measured (2 cores, loaded): 1 region 1.4 s, 2 regions 1.7 s, 4 regions 2.0 s;
 * from 8 regions (1,128 rows) the executable model splits the package's rule list into extra generated classes
 * ({@code <package>.Rules…Rules0}, a {@code RulesSupplier}), which the bytecode check knows.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class CriteriaTableBenchmark {

    static final String FOLDER = "nation";

    @Param({"1", "4", "8"})
    public int regions;

    private Path rulesDir;
    private PlanDefinition first;
    private PlanDefinition last;
    private PlanRules shared;

    @Setup(Level.Trial)
    public void table() throws IOException {
        PlanDefinition zhoucun = PlanYaml.read(Path.of("config"), "zhoucun-2023");
        RuleSet plan = new PlanRules(Path.of("rules")).load(zhoucun);
        rulesDir = Files.createTempDirectory("duban-table-");
        Files.createDirectories(rulesDir.resolve("common"));
        try (Stream<Path> common = Files.list(Path.of("rules/common"))) {
            for (Path file : (Iterable<Path>) common::iterator) {
                Files.copy(file, rulesDir.resolve("common").resolve(file.getFileName()));
            }
        }
        Files.createDirectories(rulesDir.resolve(FOLDER));
        Files.write(rulesDir.resolve(FOLDER).resolve("criteria.xlsx"), table(plan, regions).bytes());
        first = PlanYaml.forRegion(zhoucun, region(0), FOLDER);
        last = PlanYaml.forRegion(zhoucun, region(regions - 1), FOLDER);
        shared = new PlanRules(rulesDir);
        shared.load(first);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public RuleSet compileTable() {
        return new PlanRules(rulesDir).load(first);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public RuleSet stateOneRegion() {
        return shared.load(last);
    }

    static CriteriaTableWriter table(RuleSet plan, int regions) {
        return CriteriaTableWriter.ofRegions(FOLDER, plan, regions);
    }

    static String region(int r) {
        return CriteriaTableWriter.region(r);
    }
}
