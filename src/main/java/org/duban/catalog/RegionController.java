package org.duban.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.duban.DubanClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regions of {@code config/regions/} as a tree, each with its plans and when they run, so a
 * client can learn which {@code plan=} and {@code region=} to name before it asks for anything else.
 */
@RestController
@RequestMapping("/api/regions")
class RegionController {

    record PlanRef(String code, String name, int year, LocalDate publishedOn, LocalDate activeFrom, LocalDate activeUntil,
                   boolean activeToday) {
    }

    /** {@code children}: the codes of the regions whose parent this is; the list puts a region before them. */
    record RegionView(String code, String name, String parent, List<String> children, List<PlanRef> plans) {
    }

    private final PlanCatalog catalog;
    private final DubanClock clock;

    RegionController(PlanCatalog catalog, DubanClock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    List<RegionView> regions() {
        List<Region> regions = catalog.regions();
        List<Plan> plans = catalog.plans();
        LocalDate today = clock.today();
        List<RegionView> tree = new ArrayList<>();
        regions.stream().filter(region -> region.parent().isEmpty())
                .forEach(root -> addWithChildren(root, regions, plans, today, tree));
        return tree;
    }

    private static void addWithChildren(Region region, List<Region> regions, List<Plan> plans, LocalDate today, List<RegionView> tree) {
        List<Region> children = regions.stream().filter(r -> r.parent().equals(Optional.of(region.code()))).toList();
        tree.add(new RegionView(region.code(), region.name(), region.parent().orElse(null),
                children.stream().map(Region::code).toList(),
                plans.stream().filter(plan -> plan.regionCode().equals(region.code()))
                        .map(plan -> new PlanRef(plan.code(), plan.name(), plan.year(), plan.publishedOn(), plan.activeFrom(),
                                plan.activeUntil(), plan.activeOn(today)))
                        .toList()));
        // the catalog refuses a loop of parents, so this ends
        children.forEach(child -> addWithChildren(child, regions, plans, today, tree));
    }
}
