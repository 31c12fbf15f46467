package org.duban.assessment;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

import org.duban.catalog.PlanDefinition;
import org.duban.catalog.PlanYaml;
import org.duban.rules.PlanRules;
import org.duban.rules.RuleSet;
import org.duban.rules.facts.Standing;

/**
 * The engine/floor ratio of {@link JudgeBenchmark} ({@code engine} against {@code floor}) measured in CPU time of the whole process (the firing threads
 * and the garbage collector included) rather than wall time, engine and floor alternating round by round: on a
 * machine shared with other work, wall time measures the neighbours too, CPU time much less so. Prints the median
 * of each and their ratio. Run: {@code bench/engine.sh} with {@code -cpu [regions] [rounds]} (see README).
 */
public final class EngineCpuTime {

    private EngineCpuTime() {
    }

    public static void main(String[] args) {
        int regions = args.length > 0 ? Integer.parseInt(args[0]) : 136;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PlanDefinition definition = PlanYaml.read(Path.of("config"), "zhoucun-2023");
        RuleSet plan = new PlanRules(Path.of("rules")).load(definition);
        List<SyntheticStandings.Region> all = SyntheticStandings.of(plan, SyntheticStandings.indicators(definition), regions, 42, JudgeBenchmark.DAY);
        List<Map<String, Standing>> standings = all.stream().map(region -> region.standings(JudgeBenchmark.AS_OF)).toList();
        ReferenceJudge reference = ReferenceJudge.of(plan);
        Judge judge = new Judge(Duration.ofMinutes(10), Clock.systemDefaultZone());
        IntSupplier engine = () -> {
            int findings = 0;
            for (int i = 0; i < all.size(); i++) {
                findings += judge.fire(all.get(i).rules(), JudgeBenchmark.AS_OF, standings.get(i)).raisedBy().size();
            }
            return findings;
        };
        // the floor is ten times quicker: it runs ten times per round so the clock's ticks do not decide the ratio
        IntSupplier floor = () -> {
            int findings = 0;
            for (int n = 0; n < 10; n++) {
                for (Map<String, Standing> region : standings) {
                    findings += reference.judge(region.values()).size();
                }
            }
            return findings;
        };
        List<Double> engineMs = new ArrayList<>();
        List<Double> floorMs = new ArrayList<>();
        for (int round = 0; round < rounds + 3; round++) {
            double e = cpuMillis(engine);
            double f = cpuMillis(floor) / 10;
            if (round >= 3) {   // the first rounds warm the JIT up
                engineMs.add(e);
                floorMs.add(f);
            }
        }
        double e = median(engineMs);
        double f = median(floorMs);
        System.out.printf(Locale.ROOT, "regions=%d indicators=%d rounds=%d engine=%.1f ms floor=%.1f ms ratio=%.2f (CPU time, medians)%n",
                regions, standings.stream().mapToInt(Map::size).sum(), rounds, e, f, e / f);
    }

    private static double cpuMillis(IntSupplier work) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long start = os.getProcessCpuTime();
        if (work.getAsInt() < 0) {
            throw new IllegalStateException();
        }
        return (os.getProcessCpuTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
