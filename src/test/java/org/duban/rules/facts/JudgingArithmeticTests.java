package org.duban.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.duban.catalog.IndicatorKind;
import org.junit.jupiter.api.Test;

/** The arithmetic under the judging rules: time progress, completion, lag, projection, periods, classes. */
class JudgingArithmeticTests {

    static final Indicator JOBS = new Indicator("T54-1", "新增城镇就业", "人", IndicatorKind.ADDITION, "MONTHLY", 54);
    static final Criterion FOUR_THOUSAND = Criterion.of("T54-1").atLeast(4000).by("2023-12-31");

    @Test
    void timeProgressCountsBothEndsOfThePeriod() {
        assertThat(FOUR_THOUSAND.timeProgress(asOf("2023-09-30"))).isCloseTo(74.79, within(0.01));
        assertThat(FOUR_THOUSAND.timeProgress(asOf("2023-12-31"))).isEqualTo(100);
        assertThat(FOUR_THOUSAND.timeProgress(asOf("2024-02-01"))).isEqualTo(100);
        assertThat(Criterion.of("X").atLeast(1).by("2023-06-30").timeProgress(asOf("2023-06-30"))).isEqualTo(100);
    }

    @Test
    void quarterlyCheckpointsReplaceTheDailyClock() {
        Criterion stepped = Criterion.of("X").atLeast(100).quarterly(10, 30, 60, 100).by("2023-12-31");

        assertThat(stepped.timeProgress(asOf("2023-03-30"))).isZero();
        assertThat(stepped.timeProgress(asOf("2023-03-31"))).isEqualTo(10);
        assertThat(stepped.timeProgress(asOf("2023-09-30"))).isEqualTo(60);
    }

    @Test
    void completionAndLagAsInTheWarningText() {
        Progress progress = Progress.of(JOBS, FOUR_THOUSAND, reports(report("2023-09-30", "2650")), asOf("2023-09-30"));

        assertThat(progress.completion()).isCloseTo(66.25, within(0.001));
        assertThat(progress.lag()).isCloseTo(8.54, within(0.01));
        assertThat(progress.met()).isFalse();
        assertThat(Finding.lag(progress, Level.YELLOW).message())
                .isEqualTo("新增城镇就业：截至9月30日2650人，完成目标66.3%，低于时间进度74.8%共8.5个百分点（黄色预警）");
    }

    @Test
    void aLevelIsMeasuredFromItsBaseline() {
        Indicator firms = new Indicator("T03-1", "科技型中小企业数量", "家", IndicatorKind.LEVEL, "QUARTERLY", 3);
        Criterion target = Criterion.of("T03-1").atLeast(150).by("2023-12-31");
        Reports reports = reports(new Report(LocalDate.parse("2023-03-31"), new BigDecimal("125"), null, new BigDecimal("120")),
                report("2023-06-30", "130"));

        Progress progress = Progress.of(firms, target, reports, asOf("2023-06-30"));

        assertThat(progress.baseline()).isEqualByComparingTo("120");
        assertThat(progress.completion()).isCloseTo(33.3, within(0.1));
    }

    @Test
    void theTrendProjectsTheDeadlineValue() {
        Progress steady = Progress.of(JOBS, FOUR_THOUSAND, reports(report("2023-03-31", "1000"), report("2023-06-30", "2000")), asOf("2023-06-30"));
        Progress slowing = Progress.of(JOBS, FOUR_THOUSAND, reports(report("2023-03-31", "1000"), report("2023-06-30", "1300")), asOf("2023-06-30"));

        assertThat(steady.projected()).isGreaterThan(3600);
        assertThat(slowing.projectedShortfall()).isGreaterThan(10);
    }

    @Test
    void theDuePeriodFollowsTheFrequencyAndTheGraceDays() {
        LocalDate deadline = LocalDate.parse("2023-12-31");

        assertThat(ReportingPeriod.due("MONTHLY", asOf("2023-09-30"), 10, deadline)).get().extracting(ReportingPeriod::label).isEqualTo("2023年8月");
        assertThat(ReportingPeriod.due("MONTHLY", asOf("2023-10-10"), 10, deadline)).get().extracting(ReportingPeriod::label).isEqualTo("2023年9月");
        assertThat(ReportingPeriod.due("QUARTERLY", asOf("2023-09-30"), 10, deadline)).get().extracting(ReportingPeriod::label).isEqualTo("2023年第2季度");
        assertThat(ReportingPeriod.due("YEARLY", asOf("2023-12-31"), 10, deadline)).isEmpty();
        assertThat(ReportingPeriod.due("YEARLY", asOf("2024-01-15"), 10, deadline)).get().extracting(ReportingPeriod::label).isEqualTo("2023年");
        assertThat(ReportingPeriod.due("MONTHLY", asOf("2023-01-05"), 10, deadline)).isEmpty();
    }

    @Test
    void waterClassesAreReadInEveryUsualSpelling() {
        assertThat(WaterClass.parse("Ⅴ")).contains(WaterClass.V);
        assertThat(WaterClass.parse("V类")).contains(WaterClass.V);
        assertThat(WaterClass.parse("IV")).contains(WaterClass.IV);
        assertThat(WaterClass.parse("劣V类")).contains(WaterClass.WORSE_THAN_V);
        assertThat(WaterClass.parse("III")).contains(WaterClass.III);
        assertThat(WaterClass.parse("六")).isEmpty();
        assertThat(WaterClass.IV.betterThan(WaterClass.V)).isTrue();
        assertThat(WaterClass.WORSE_THAN_V.betterThan(WaterClass.V)).isFalse();
    }

    @Test
    void whatMeetsEachComparison() {
        assertThat(Criterion.of("X").between(2, 3).by("2023-12-31").metBy(reports(report("2023-10-01", "2")))).isTrue();
        assertThat(Criterion.of("X").holdAtLeast(99).by("2023-12-31").metBy(reports(report("2023-03-31", "98.5"), report("2023-06-30", "99.5")))).isFalse();
        assertThat(Criterion.of("X").withinQuota().by("2023-12-31").metBy(reports(new Report(day("2023-09-30"), new BigDecimal("4900"), null, new BigDecimal("5000"))))).isTrue();
        assertThat(Criterion.of("X").belowReference().by("2023-12-31").metBy(reports(new Report(day("2023-09-30"), new BigDecimal("12"), null, new BigDecimal("12"))))).isFalse();
        assertThat(Criterion.of("X").completed().by("2023-12-31").metBy(reports(new Report(day("2023-09-30"), null, "已完成", null)))).isTrue();
        assertThat(Criterion.of("X").betterThan("Ⅴ").by("2023-12-31").metBy(reports(new Report(day("2023-09-30"), null, "Ⅳ", null)))).isTrue();
        assertThat(Criterion.of("X").atLeast(1).by("2023-12-31").metBy(reports())).isFalse();
    }

    private static AsOf asOf(String date) {
        return new AsOf(LocalDate.parse(date), 2023);
    }

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    private static Report report(String date, String value) {
        return new Report(LocalDate.parse(date), new BigDecimal(value), null, null);
    }

    private static Reports reports(Report... reports) {
        return new Reports("X", List.of(reports));
    }
}
