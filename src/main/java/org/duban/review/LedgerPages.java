package org.duban.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.DubanClock;
import org.duban.NotFound;
import org.duban.catalog.Plan;
import org.duban.catalog.PlanCatalog;
import org.duban.collection.Compliance;
import org.duban.rules.facts.Level;
import org.duban.warning.Viewer;
import org.duban.warning.Warning;
import org.duban.warning.WarningStatus;
import org.duban.warning.Warnings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The monthly ledger (台账) as Excel, and the monthly bulletin (通报) as a printable page and as Excel. Office and viewers. */
@Controller
class LedgerPages {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PlanCatalog catalog;
    private final Ledger ledger;
    private final Warnings warnings;
    private final Compliance compliance;
    private final Ranking ranking;
    private final DubanClock clock;

    LedgerPages(PlanCatalog catalog, Ledger ledger, Warnings warnings, Compliance compliance, Ranking ranking, DubanClock clock) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.warnings = warnings;
        this.compliance = compliance;
        this.ranking = ranking;
        this.clock = clock;
    }

    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> ledger(@RequestParam Optional<YearMonth> month, @RequestParam Optional<String> plan) {
        Plan chosen = plan(plan);
        Ledger.Month ledgerMonth = ledger.of(chosen, month.orElse(YearMonth.from(clock.today())));
        List<List<Object>> rows = new ArrayList<>();
        ledgerMonth.lines().forEach(l -> rows.add(List.of(l.section(), l.task(), l.title(), l.lead(), l.co(), l.indicator(), l.name(), l.unit(),
                l.target(), l.actual(), l.completion() == null ? "" : l.completion(), l.level(), l.explanation() == null ? "" : l.explanation())));
        XSSFWorkbook workbook = new XSSFWorkbook();
        String title = chosen.name() + " 工作台账（" + ledgerMonth.month().getYear() + "年" + ledgerMonth.month().getMonthValue() + "月"
                + ledgerMonth.run().map(r -> "，评估日 " + r.asOf()).orElse("，尚未评估") + "）";
        Workbooks.sheet(workbook, "台账", title, List.of("部分", "任务", "任务名称", "牵头部门", "配合部门", "指标编码", "指标", "单位", "目标", "实际",
                "完成率(%)", "预警等级", "说明"), rows);
        return download(Workbooks.bytes(workbook), "台账-" + ledgerMonth.month() + ".xlsx");
    }

    @GetMapping("/bulletin")
    String bulletin(@RequestParam Optional<String> plan, Model model) {
        fill(plan(plan), model);
        return "review/bulletin";
    }

    @GetMapping("/bulletin.xlsx")
    ResponseEntity<byte[]> bulletinWorkbook(@RequestParam Optional<String> plan, Model model) {
        fill(plan(plan), model);
        @SuppressWarnings("unchecked")
        List<Ranking.Place> places = (List<Ranking.Place>) model.getAttribute("ranking");
        @SuppressWarnings("unchecked")
        List<Warning> serious = (List<Warning>) model.getAttribute("serious");
        XSSFWorkbook workbook = new XSSFWorkbook();
        Workbooks.sheet(workbook, "部门排名", (String) model.getAttribute("title"), List.of("名次", "部门", "应报", "按时报送", "按时报送率(%)", "红橙预警", "超期未确认"),
                places.stream().map(p -> List.<Object>of(p.rank(), p.name(), p.due(), p.onTime(), Math.round(p.onTimeRate() * 10) / 10.0, p.redOrange(),
                        p.overdueAcknowledgements())).toList());
        Workbooks.sheet(workbook, "红橙预警", (String) model.getAttribute("title"), List.of("编号", "等级", "状态", "任务", "指标", "牵头部门", "预警内容"),
                serious.stream().map(w -> List.<Object>of(w.id(), w.level().chinese(), w.status().chinese(), w.task() + ". " + w.taskTitle(),
                        w.indicatorName(), String.join("、", w.leadDepartments()), w.message())).toList());
        return download(Workbooks.bytes(workbook), "通报-" + YearMonth.from(clock.today()) + ".xlsx");
    }

    private void fill(Plan plan, Model model) {
        List<Warning> open = warnings.find(Warnings.Filter.all().inPlan(plan.code()), Viewer.office("bulletin")).stream()
                .filter(w -> w.status() != WarningStatus.RESOLVED).toList();
        Compliance.Report report = compliance.report(Optional.of(plan.code()), clock.today(), Optional.empty());
        model.addAttribute("title", plan.name() + " 推进情况通报（截至 " + clock.today() + "）");
        model.addAttribute("today", clock.today());
        model.addAttribute("plan", plan);
        model.addAttribute("open", open.size());
        model.addAttribute("levels", Level.values());
        model.addAttribute("byLevel", java.util.Arrays.stream(Level.values()).map(l -> open.stream().filter(w -> w.level() == l).count()).toList());
        model.addAttribute("ranking", ranking.rank(report, open));
        model.addAttribute("serious", open.stream().filter(w -> w.level() == Level.RED || w.level() == Level.ORANGE).toList());
    }

    /** The ledger and bulletin are the office's: every plan may be chosen. */
    private Plan plan(Optional<String> code) {
        return catalog.plan(code).orElseThrow(() -> new NotFound(PlanCatalog.missing(code)));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(body);
    }
}
