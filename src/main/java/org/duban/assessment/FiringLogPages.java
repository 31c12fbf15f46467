package org.duban.assessment;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 规则触发日志: every firing with its rule, file and the facts it matched, filtered by run, rule, task, indicator and as-of date. */
@Controller
class FiringLogPages {

    private static final int PAGE_SIZE = 100;

    private final FiringLog firings;
    private final Evaluations evaluations;

    FiringLogPages(FiringLog firings, Evaluations evaluations) {
        this.firings = firings;
        this.evaluations = evaluations;
    }

    @GetMapping("/firings")
    String firings(@RequestParam Optional<Long> runId, @RequestParam Optional<String> rule, @RequestParam Optional<Integer> task,
                   @RequestParam Optional<String> indicator, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> date,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        int from = Math.max(0, page);
        model.addAttribute("result", firings.find(runId.orElse(null), rule.orElse(null), task.orElse(null),
                indicator.filter(i -> !i.isBlank()).orElse(null), date.orElse(null), from, PAGE_SIZE));
        model.addAttribute("runs", evaluations.history(50));
        model.addAttribute("filter", java.util.Map.of("runId", runId.map(String::valueOf).orElse(""), "rule", rule.orElse(""),
                "task", task.map(String::valueOf).orElse(""), "indicator", indicator.orElse(""), "date", date.map(String::valueOf).orElse("")));
        return "assessment/firings";
    }
}
