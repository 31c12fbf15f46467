package org.duban.review;

import java.util.List;
import java.util.Optional;

import org.duban.access.Accounts.Account;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which plan a page shows: the one its {@code ?plan=} names, else the only active plan the account
 * may see. With several, the page asks ({@link PlanChooser}) rather than guess.
 */
@Component
class PagePlans {

    private final PlanCatalog catalog;

    PagePlans(PlanCatalog catalog) {
        this.catalog = catalog;
    }

    /** Empty only when no plan is loaded (or none of the account's region). */
    Optional<Plan> choose(Optional<String> code, Account me) {
        return choose(code, me, Optional.empty());
    }

    /**
     * The same, among the plans of {@code region} when one is given (a department's page shows its
     * region's plans). Unnamed, the choice is the catalog's ({@link PlanCatalog#plan(Optional, Optional)}),
     * within the account's own region for a department.
     */
    Optional<Plan> choose(Optional<String> code, Account me, Optional<String> region) {
        if (code.isPresent()) {
            Optional<Plan> named = catalog.plan(code);
            if (named.isPresent() && !me.seesRegion(named.get().regionCode())) {
                throw new AccessDeniedException("只能查看本地区的计划");
            }
            return named;
        }
        if (me.region().isPresent() && region.filter(other -> !other.equals(me.region().get())).isPresent()) {
            return Optional.empty();
        }
        return catalog.plan(Optional.empty(), me.region().or(() -> region));
    }

    /** The plans the account may open: a department's region's, the office's all. */
    List<Plan> visible(Account me) {
        return catalog.plans().stream().filter(plan -> me.seesRegion(plan.regionCode())).toList();
    }
}
