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
        Standing s = standing(JOBS, FOUR_THOUSAND, "2023-09-30", report("2023-09-30", "2650"));

        assertThat(s.completion()).isCloseTo(66.25, within(0.001));
        assertThat(s.lag()).isCloseTo(8.54, within(0.01));
        assertThat(s.met()).isFalse();
        assertThat(Finding.lag(s, Level.YELLOW).message())
                .isEqualTo("新增城镇就业：截至9月30日2650人，完成目标66.3%，低于时间进度74.8%共8.5个百分点（黄色预警）");
    }

    @Test
    void progressIsJudgedAtTheNewestReportNotAtTheAsOfDate() {
        Indicator firms = new Indicator("T10-3", "培育省级以上专精特新类企业", "家", IndicatorKind.ADDITION, "QUARTERLY", 10);
        Criterion seven = Criterion.of("T10-3").atLeast(7).by("2023-12-31");

        Standing s = standing(firms, seven, "2023-07-09", report("2023-03-31", "2"));

        assertThat(s.judgedAt()).isEqualTo(day("2023-03-31"));
        assertThat(s.timeProgress()).isCloseTo(24.66, within(0.01));
        assertThat(s.lag()).isLessThanOrEqualTo(0);
    }

    @Test
    void smallWholeTargetsCountWholeUnits() {
        Indicator museum = new Indicator("T51-4", "建成博物馆", "处", IndicatorKind.ADDITION, "QUARTERLY", 51);
        Criterion one = Criterion.of("T51-4").atLeast(1).by("2023-12-31");

        Standing april = standing(museum, one, "2023-04-15", report("2023-03-31", "0"));
        Standing september = standing(new Indicator("T01-1", "新培育市级以上创新平台", "家", IndicatorKind.ADDITION, "MONTHLY", 1),
                Criterion.of("T01-1").atLeast(9).by("2023-12-31"), "2023-10-01", report("2023-09-30", "2"));

        assertThat(april.expectedUnits()).isZero();
        assertThat(april.lag()).isZero();
        assertThat(september.expectedUnits()).isEqualTo(6);
        assertThat(september.lag()).isCloseTo(44.4, within(0.1));
    }

    @Test
    void aLevelIsMeasuredFromItsBaselineAndWithoutOneIsNotProRated() {
        Indicator firms = new Indicator("T03-1", "科技型中小企业数量", "家", IndicatorKind.LEVEL, "QUARTERLY", 3);
        Criterion target = Criterion.of("T03-1").atLeast(150).by("2023-12-31");

        Standing withBase = standing(firms, target, "2023-06-30",
                new Report(day("2023-03-31"), new BigDecimal("125"), null, new BigDecimal("120")), report("2023-06-30", "130"));
        Standing withoutBase = standing(firms, target, "2023-06-30", report("2023-03-31", "125"), report("2023-06-30", "130"));

        assertThat(withBase.measure()).isEqualTo(Measure.PACE);
        assertThat(withBase.baseline()).isEqualByComparingTo("120");
        assertThat(withBase.completion()).isCloseTo(33.3, within(0.1));
        assertThat(withoutBase.measure()).isEqualTo(Measure.STOCK);
    }

    @Test
    void theTrendProjectsTheDeadlineValue() {
        Standing steady = standing(JOBS, FOUR_THOUSAND, "2023-06-30", report("2023-03-31", "1000"), report("2023-06-30", "2000"));
        Standing slowing = standing(JOBS, FOUR_THOUSAND, "2023-06-30", report("2023-03-31", "1000"), report("2023-06-30", "1300"));

        assertThat(steady.projected()).isGreaterThan(3600);
        assertThat(slowing.projectedShortfall()).isGreaterThan(10);
    }

    @Test
    void missedPeriodsCountDuePeriodsAfterTheNewestReport() {
        assertThat(standing(JOBS, FOUR_THOUSAND, "2023-09-30", report("2023-08-31", "2600")).missedPeriods()).isZero();
        assertThat(standing(JOBS, FOUR_THOUSAND, "2023-10-11", report("2023-08-31", "2600")).missedPeriods()).isEqualTo(1);
        assertThat(standing(JOBS, FOUR_THOUSAND, "2023-12-11", report("2023-08-31", "2600")).missedPeriods()).isEqualTo(3);
        assertThat(standing(JOBS, FOUR_THOUSAND, "2023-03-11").missedPeriods()).isEqualTo(2);
        // the final period is due with the final figure, ten days after the deadline by default
        assertThat(standing(JOBS, FOUR_THOUSAND, "2024-01-10", report("2023-11-30", "3900")).missedPeriods()).isZero();
        assertThat(standing(JOBS, FOUR_THOUSAND, "2024-01-11", report("2023-11-30", "3900")).missedPeriods()).isEqualTo(1);
    }

    @Test
    void theAnnualWaterClassIsTheMeanRoundedToTheWorseClass() {
        Reports year = reports(text("2023-01-31", "Ⅳ"), text("2023-02-28", "Ⅴ"), text("2023-03-31", "Ⅳ"), text("2023-04-30", "Ⅲ"));

        assertThat(Standings.annualClass(year)).isEqualTo(WaterClass.IV);
        assertThat(Standings.annualClass(reports(text("2023-01-31", "Ⅳ"), text("2023-02-28", "Ⅴ")))).isEqualTo(WaterClass.V);
    }

    @Test
    void theDuePeriodFollowsTheFrequencyAndTheGraceDays() {
        LocalDate deadline = LocalDate.parse("2023-12-31");

        assertThat(ReportingPeriod.due("MONTHLY", asOf("2023-09-30"), 10, deadline)).get().extracting(ReportingPeriod::label).isEqualTo("2023年8月");
        assertThat(ReportingPeriod.due("MONTHLY", asOf("2023-10-10"), 10, deadline)).get().extracting(ReportingPeriod::label).isEqualTo("2023年8月");
        assertThat(ReportingPeriod.due("MONTHLY", asOf("2023-10-11"), 10, deadline)).get().extracting(ReportingPeriod::label).isEqualTo("2023年9月");
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
    void fixedCeilingsAndTargetsAroundAValueAreMeasuredByTheirDistance() {
        Indicator unemployment = new Indicator("X-1", "城镇调查失业率", "%", IndicatorKind.RATE, "QUARTERLY", 1);
        Indicator prices = new Indicator("X-2", "居民消费价格涨幅", "%", IndicatorKind.GROWTH, "QUARTERLY", 1);

        Standing above = standing(unemployment, Criterion.of("X-1").holdAtMost(5.5).by("2023-12-31"), "2023-07-05",
                report("2023-03-31", "5.2"), report("2023-06-30", "5.8"));
        Standing around = standing(prices, Criterion.of("X-2").around(3, 0.5).by("2023-12-31"), "2023-07-05", report("2023-06-30", "4.1"));

        assertThat(above.measure()).isEqualTo(Measure.HOLD);
        assertThat(above.broken().value()).isEqualByComparingTo("5.8");
        assertThat(around.measure()).isEqualTo(Measure.THRESHOLD);
        assertThat(around.reached()).isFalse();
        assertThat(around.gap()).isCloseTo(20.0, within(0.01)); // 0.6 beyond the tolerance, 20% of 3
    }

    @Test
    void aQuotaIsMeasuredAgainstTheQuotaReportedWithEachValue() {
        Indicator water = new Indicator("T30-1", "全区年度用水总量", "万立方米", IndicatorKind.CEILING, "QUARTERLY", 30);
        Criterion quota = Criterion.of("T30-1").withinQuota().by("2023-12-31");

        Standing s = standing(water, quota, "2023-10-05", new Report(day("2023-06-30"), new BigDecimal("3100"), null, new BigDecimal("6000")),
                new Report(day("2023-09-30"), new BigDecimal("5800"), null, new BigDecimal("6200")));

        assertThat(s.quotaUsed()).isCloseTo(93.5, within(0.1));
        assertThat(s.quotaAhead()).isCloseTo(18.8, within(0.1));
        assertThat(s.broken()).isNull();
        assertThat(s.met()).isFalse();
    }

    @Test
    void whatSatisfiesEachComparison() {
        assertThat(Criterion.of("X").between(2, 3).by("2023-12-31").satisfiedBy(new BigDecimal("2"), null)).isTrue();
        assertThat(Criterion.of("X").above(0).by("2023-12-31").satisfiedBy(BigDecimal.ZERO, null)).isFalse();
        assertThat(Criterion.of("X").around(3, 0.5).by("2023-12-31").satisfiedBy(new BigDecimal("3.4"), null)).isTrue();
        assertThat(Criterion.of("X").around(3, 0.5).by("2023-12-31").satisfiedBy(new BigDecimal("3.6"), null)).isFalse();
        assertThat(Criterion.of("X").withinQuota().by("2023-12-31").satisfiedBy(new BigDecimal("4900"), new BigDecimal("5000"))).isTrue();
        assertThat(Criterion.of("X").belowReference().by("2023-12-31").satisfiedBy(new BigDecimal("12"), new BigDecimal("12"))).isFalse();
        assertThat(Criterion.of("X").belowReference().by("2023-12-31").satisfiedBy(BigDecimal.ZERO, BigDecimal.ZERO)).as("零对零").isTrue();
        assertThat(Criterion.of("X").holdAtMost(5.5).by("2023-12-31").satisfiedBy(new BigDecimal("5.6"), null)).isFalse();
    }

    private static Standing standing(Indicator indicator, Criterion criterion, String asOf, Report... reports) {
        return Standings.of(indicator, criterion, new Reports(indicator.code(), List.of(reports)), asOf(asOf), ReportingTerms.DEFAULT);
    }

    private static Report text(String date, String text) {
        return new Report(LocalDate.parse(date), null, text, null);
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
