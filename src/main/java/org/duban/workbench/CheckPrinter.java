package org.duban.workbench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.duban.CommandLineCheck;
import org.duban.catalog.CatalogProblem;
import org.duban.rules.RuleSets;
import org.springframework.stereotype.Component;

/** {@code duban check}'s report: every error with file and line, every scenario, and a summary line. */
@Component
class CheckPrinter implements CommandLineCheck {

    private final RuleSets ruleSets;
    private final RuleCheck ruleCheck;

    CheckPrinter(RuleSets ruleSets, RuleCheck ruleCheck) {
        this.ruleSets = ruleSets;
        this.ruleCheck = ruleCheck;
    }

    @Override
    public boolean check(PrintStream out) {
        // the start-up load stores the plan the scenarios need; when it failed, its errors are the report
        RuleCheck.Report report = ruleSets.lastLoad().succeeded() ? ruleCheck.check(Map.of())
                : new RuleCheck.Report(ruleSets.lastLoad().errors(), List.of());
        print(report, out);
        return report.ok();
    }

    static void print(RuleCheck.Report report, PrintStream out) {
        for (CatalogProblem problem : report.problems()) {
            out.println("错误 " + problem.file() + (problem.line() > 0 ? ":" + problem.line() : "")
                    + (problem.field().isBlank() ? "" : " [" + problem.field() + "]") + " " + problem.message());
        }
        for (RuleCheck.ScenarioResult scenario : report.scenarios()) {
            // the plan is printed because district plans share indicator codes: T22-1 means a different target in each
            out.println((scenario.passed() ? "通过 " : "失败 ") + scenario.file() + (scenario.plan().isEmpty() ? "" : " [" + scenario.plan() + "]")
                    + ": " + scenario.name());
            if (scenario.note() != null) {
                out.println("    " + scenario.note());
            }
            if (scenario.error() != null) {
                out.println("    " + scenario.error());
            }
            scenario.expectations().stream().filter(e -> !e.passed()).forEach(e -> out.println("    " + e.indicator()
                    + (e.cause() == null ? "" : "/" + e.cause())
                    + (e.expectedLevel() == null ? "" : " 期望 " + e.expectedLevel() + "，实际 " + e.actualLevel())
                    + (e.expectedMet() == null ? "" : " 期望完成=" + e.expectedMet() + "，实际 " + e.actualMet())
                    + (e.expectedText() == null ? "" : " 期望包含「" + e.expectedText() + "」")
                    + "\n      说明: " + e.explanation() + (e.actualMessage().isEmpty() ? "" : "\n      预警: " + e.actualMessage())));
        }
        long failed = report.failedScenarios();
        out.println("规则检查" + (report.ok() ? "通过" : "未通过") + "：错误 " + report.problems().size() + " 处；场景 "
                + report.scenarios().size() + " 个，通过 " + (report.scenarios().size() - failed) + " 个，失败 " + failed + " 个");
    }

}
