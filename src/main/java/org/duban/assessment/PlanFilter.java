package org.duban.assessment;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.duban.catalog.CatalogKeys;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;

/**
 * The {@code plan=} and {@code region=} of a list request (runs, firings, assessments). A region
 * takes in the regions below it, so a city sees its districts' runs.
 */
public record PlanFilter(Optional<String> plan, Optional<String> region) {

    public static PlanFilter all() {
        return new PlanFilter(Optional.empty(), Optional.empty());
    }

    public boolean isAll() {
        return plan.isEmpty() && region.isEmpty();
    }

    /**
     * The plan codes covered, empty meaning every plan.
     *
     * @throws IllegalArgumentException naming a plan or region that does not exist
     */
    Optional<Set<String>> planCodes(PlanCatalog catalog) {
        if (isAll()) {
            return Optional.empty();
        }
        List<Plan> plans = catalog.plans();
        plan.filter(code -> plans.stream().noneMatch(p -> p.code().equals(code))).ifPresent(code -> {
            throw new IllegalArgumentException("没有计划 " + code + "（plan）");
        });
        region.filter(code -> catalog.region(code).isEmpty()).ifPresent(code -> {
            throw new IllegalArgumentException("没有地区 " + code + "（region）");
        });
        Set<String> regions = region.map(catalog::regionAndBelow).orElse(null);
        return Optional.of(plans.stream().filter(p -> plan.map(p.code()::equals).orElse(true))
                .filter(p -> regions == null || regions.contains(p.regionCode())).map(Plan::code)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The same as database keys, for SQL; empty meaning every plan. */
    public Optional<List<Long>> planIds(PlanCatalog catalog, CatalogKeys keys) {
        return planCodes(catalog).map(codes -> codes.stream().map(keys::planId).flatMap(Optional::stream).toList());
    }

    /** {@code " AND <column> IN (…)"} for the plan keys, with its parameters added; nothing for every plan. */
    static String in(String column, Optional<List<Long>> ids, List<Object> params) {
        if (ids.isEmpty()) {
            return "";
        }
        if (ids.get().isEmpty()) {
            return " AND 1 = 0";
        }
        params.addAll(ids.get());
        return " AND " + column + " IN (" + String.join(", ", java.util.Collections.nCopies(ids.get().size(), "?")) + ")";
    }
}
