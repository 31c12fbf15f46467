package org.duban.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.duban.catalog.CatalogProblem;
import org.duban.catalog.PlanDefinition;

/**
 * One plan's rule set built on the product's load path ({@link RuleSetBuild}: read, guard, executable-model
 * compile, bytecode check, criteria stated), without Spring: for benchmarks and engine tests. Keeps its
 * compiled bases like {@link RuleSets} does, so a second load of unchanged files is the product's warm reload.
 */
public final class PlanRules {

    private final Path rulesDir;
    private final CompiledRuleBases bases = new CompiledRuleBases(4);

    public PlanRules(Path rulesDir) {
        this.rulesDir = rulesDir;
    }

    /** Reads the plan's folder and builds its set; a problem is an exception naming every problem. */
    public RuleSet load(PlanDefinition plan) {
        RuleSetBuild build = new RuleSetBuild(rulesDir, new RuleSettings(false, Duration.ofSeconds(2), Duration.ofMinutes(5),
                RuleSettings.Mode.LIVE), Clock.systemDefaultZone(), bases);
        List<CatalogProblem> problems = new ArrayList<>();
        RuleSet set = build.folderSources(plan, Map.of(), problems).flatMap(sources -> build.build(plan, sources, problems))
                .map(RuleSetBuild.Built::set).orElse(null);
        if (set == null || !problems.isEmpty()) {
            throw new IllegalStateException("计划 " + plan.code() + " 的规则未能加载: " + problems);
        }
        return set;
    }

    /** How many times sources were compiled (a warm reload compiles nothing). */
    public int compilations() {
        return bases.compilations();
    }
}
