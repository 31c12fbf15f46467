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

    FiringController(FiringLog firingLog) {
        this.firingLog = firingLog;
    }

    @GetMapping
    FiringLog.Page firings(@RequestParam(required = false) Long runId, @RequestParam(required = false) String rule,
                           @RequestParam(required = false) Integer task, @RequestParam(required = false) String indicator,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return firingLog.find(runId, rule, task, indicator, Math.max(0, page), Math.max(1, Math.min(size, 1000)));
    }
}
