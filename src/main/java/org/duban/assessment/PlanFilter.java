package org.duban.assessment;

import java.util.List;
import java.util.Optional;

import org.duban.catalog.CatalogKeys;
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
     * The keys of the plans covered ({@link PlanCatalog#planCodes}), for SQL; empty meaning every plan.
     *
     * @throws IllegalArgumentException naming a plan or region that does not exist
     */
    public Optional<List<Long>> planIds(PlanCatalog catalog, CatalogKeys keys) {
        return catalog.planCodes(plan, region).map(codes -> codes.stream().map(keys::planId).flatMap(Optional::stream).toList());
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
