package org.duban.warning;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.rules.facts.Level;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Warnings: listing (a department sees its own), history, acknowledging and resolving. */
@RestController
@RequestMapping("/api/warnings")
class WarningController {

    record Acknowledgement(String explanation, LocalDate promisedDate) {
    }

    record Resolution(String comment) {
    }

    private final Warnings warnings;
    private final Accounts accounts;

    WarningController(Warnings warnings, Accounts accounts) {
        this.warnings = warnings;
        this.accounts = accounts;
    }

    @GetMapping
    List<WarningView> list(@RequestParam Optional<String> status, @RequestParam Optional<String> level,
                           @RequestParam Optional<String> department, @RequestParam Optional<Integer> task,
                           @RequestParam Optional<String> plan, @RequestParam Optional<String> region, Authentication user) {
        Warnings.Filter filter = new Warnings.Filter(status.map(s -> parse(WarningStatus.class, s, "status")),
                level.map(l -> parse(Level.class, l, "level")), department, task, Optional.empty(), plan, region);
        return warnings.find(filter, Viewer.of(accounts.of(user))).stream().map(WarningView::of).toList();
    }

    @GetMapping("/{id}")
    WarningView one(@PathVariable long id, Authentication user) {
        return warnings.find(id, Viewer.of(accounts.of(user))).map(WarningView::of)
                .orElseThrow(() -> new WarningProblem(WarningProblem.Kind.NOT_FOUND, "没有编号为 " + id + " 的预警"));
    }

    @GetMapping("/{id}/history")
    List<WarningEvent> history(@PathVariable long id, Authentication user) {
        return warnings.history(id, Viewer.of(accounts.of(user)));
    }

    @PostMapping("/{id}/acknowledge")
    WarningView acknowledge(@PathVariable long id, @RequestBody Acknowledgement body, Authentication user) {
        return WarningView.of(warnings.acknowledge(id, Viewer.of(accounts.of(user)), body.explanation(), body.promisedDate()));
    }

    @PostMapping("/{id}/resolve")
    WarningView resolve(@PathVariable long id, @RequestBody(required = false) Resolution body, Authentication user) {
        return WarningView.of(warnings.resolve(id, Viewer.of(accounts.of(user)), body == null ? null : body.comment()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("参数 " + field + " 的值 \"" + value + "\" 无效，可选: " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
