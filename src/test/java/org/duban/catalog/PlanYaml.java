package org.duban.catalog;

import java.nio.file.Path;

/**
 * Reads one plan from a {@code config/} folder the way a load does ({@link PlanFiles}), without Spring or a
 * database: for benchmarks and tests of the rule engine that need the real plan.
 */
public final class PlanYaml {

    private PlanYaml() {
    }

    public static PlanDefinition read(Path configDir, String planCode) {
        return new PlanFiles(configDir).read().plans().stream().filter(plan -> plan.code().equals(planCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("config/plans 中没有计划 " + planCode));
    }

    /** The same plan stated for another region, with its rules in {@code rulesFolder}: one of many districts on one task list. */
    public static PlanDefinition forRegion(PlanDefinition plan, String region, String rulesFolder) {
        return new PlanDefinition(plan.code() + "-" + region, plan.name(), plan.year(),
                new PlanDefinition.RegionDefinition(region, region, plan.region().parent()), plan.document(), plan.publishedOn(),
                plan.activeFrom(), plan.activeUntil(), rulesFolder, plan.sourceFile(), plan.sourceHash(), plan.sections());
    }
}
