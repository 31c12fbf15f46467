package org.duban.review;

import java.util.List;
import java.util.Optional;

import org.duban.DubanClock;
import org.duban.access.Accounts.Account;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.catalog.PlanNotChosen;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which plan a page shows: the one its {@code ?plan=} names, else the only active plan the account
 * may see. With several, the page asks ({@link PlanChooser}) rather than guess.
 */
@Component
class PagePlans {

    private final PlanCatalog catalog;
    private final DubanClock clock;

    PagePlans(PlanCatalog catalog, DubanClock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Empty only when no plan is loaded (or none of the account's region). */
    Optional<Plan> choose(Optional<String> code, Account me) {
        return choose(code, me, Optional.empty());
    }

    /** The same, among the plans of {@code region} when one is given (a department's page shows its region's plans). */
    Optional<Plan> choose(Optional<String> code, Account me, Optional<String> region) {
        List<Plan> visible = visible(me).stream().filter(plan -> region.map(plan.regionCode()::equals).orElse(true)).toList();
        if (code.isPresent()) {
            Optional<Plan> named = catalog.plans().stream().filter(plan -> plan.code().equals(code.get())).findFirst();
            if (named.isPresent() && !me.seesRegion(named.get().regionCode())) {
                throw new AccessDeniedException("只能查看本地区的计划");
            }
            return named;
        }
        if (visible.size() <= 1) {
            return visible.stream().findFirst();
        }
        List<Plan> active = visible.stream().filter(plan -> plan.activeOn(clock.today())).toList();
        if (active.size() == 1) {
            return Optional.of(active.get(0));
        }
        throw new PlanNotChosen(active.isEmpty() ? visible : active);
    }

    /** The plans the account may open: a department's region's, the office's all. */
    List<Plan> visible(Account me) {
        return catalog.plans().stream().filter(plan -> me.seesRegion(plan.regionCode())).toList();
    }
}
