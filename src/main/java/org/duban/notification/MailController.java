package org.duban.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.duban.NotFound;
import org.duban.catalog.PlanCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail outbox: what was written, sent, is waiting or failed; a failed message can be sent again.
 * {@code plan=} lists the mail that speaks of a plan, {@code region=} the mail to a region's
 * departments (and those of the regions below it).
 */
@RestController
@RequestMapping("/api/mail")
class MailController {

    private final Outbox outbox;
    private final PlanCatalog catalog;

    MailController(Outbox outbox, PlanCatalog catalog) {
        this.outbox = outbox;
        this.catalog = catalog;
    }

    @GetMapping
    List<Outbox.Message> list(@RequestParam(defaultValue = "100") int limit, @RequestParam Optional<String> plan,
                              @RequestParam Optional<String> region) {
        // a misspelt code would list nothing and look like "no mail": a 400 says so instead
        catalog.planCodes(plan, region);
        return outbox.latest(Math.max(1, Math.min(limit, 1000)), plan, region);
    }

    @PostMapping("/{id}/retry")
    Map<String, Object> retry(@PathVariable long id) {
        if (!outbox.retry(id)) {
            throw new NotFound("没有编号为 " + id + " 的发送失败邮件");
        }
        return Map.of("id", id, "status", "PENDING");
    }
}
