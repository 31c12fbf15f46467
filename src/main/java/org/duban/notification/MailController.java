package org.duban.notification;

import java.util.List;
import java.util.Map;

import org.duban.NotFound;
import org.duban.access.Accounts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox: what was written, sent, is waiting or failed; a failed message can be sent again. */
@RestController
@RequestMapping("/api/mail")
class MailController {

    private final Outbox outbox;

    MailController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<Outbox.Message> list(@RequestParam(defaultValue = "100") int limit) {
        return outbox.latest(Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/{id}/retry")
    Map<String, Object> retry(@PathVariable long id) {
        if (!outbox.retry(id)) {
            throw new NotFound("没有编号为 " + id + " 的发送失败邮件");
        }
        return Map.of("id", id, "status", "PENDING");
    }
}
