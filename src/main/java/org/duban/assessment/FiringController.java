package org.duban.assessment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The rule-firing log, paged: {@code ?runId=&rule=&task=&indicator=&page=&size=}. */
@RestController
@RequestMapping("/api/firings")
class FiringController {

    private final FiringLog firingLog;

    private final org.duban.catalog.PlanCatalog catalog;
    private final org.duban.catalog.CatalogKeys keys;

    FiringController(FiringLog firingLog, org.duban.catalog.PlanCatalog catalog, org.duban.catalog.CatalogKeys keys) {
        this.firingLog = firingLog;
        this.catalog = catalog;
        this.keys = keys;
    }

    @GetMapping
    FiringLog.Page firings(@RequestParam(required = false) Long runId, @RequestParam(required = false) String rule,
                           @RequestParam(required = false) Integer task, @RequestParam(required = false) String indicator,
                           @RequestParam(required = false) String plan, @RequestParam(required = false) String region,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        PlanFilter filter = new PlanFilter(java.util.Optional.ofNullable(plan), java.util.Optional.ofNullable(region));
        return firingLog.find(runId, rule, task, indicator, null, filter.planIds(catalog, keys), Math.max(0, page), Math.max(1, Math.min(size, 1000)));
    }
}
