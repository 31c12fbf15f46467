package org.duban.rules.facts;

/**
 * The tunable numbers of judging, inserted by {@code rules/common/levels.drl} so that rule
 * authors change them there, not in Java.
 */
public final class Tuning {

    private Tuning() {
    }

    /** Lag of at least {@code points} percentage points behind time progress raises {@code level}. */
    public record LagThreshold(Level level, double points) {
    }

    /** A rate, growth, relative or …左右 shortfall of at least {@code percent} of the target raises {@code level}. */
    public record GapThreshold(Level level, double percent) {
    }

    /** A quota used at least {@code points} percentage points ahead of time progress raises {@code level}. */
    public record QuotaPace(Level level, double points) {
    }

    /** A trend projecting a miss of more than {@code percent} of the target at the deadline raises ORANGE. */
    public record TrendTolerance(double percent) {
    }

    /** A deadline this many days ahead, or fewer, with the target not yet reached raises a BLUE notice. */
    public record NoticeWindow(int days) {
    }

    /** Days after a reporting period ends before its report is overdue. */
    public record ReportingGrace(int days) {
    }

    /**
     * Days after the deadline until the final figure is due, for indicators of one frequency
     * ({@code MONTHLY}, {@code QUARTERLY}, {@code HALF_YEARLY}, {@code YEARLY}), or for all others
     * when {@code frequency} is null.
     */
    public record FinalFigureLag(String frequency, int days) {

        /** The lag of every frequency without its own. */
        public FinalFigureLag(int days) {
            this(null, days);
        }
    }

    /** This many due periods without a report, or more, raise {@code level}. */
    public record MissingThreshold(Level level, int periods) {
    }

    /** Share of a milestone's period after which 未启动 raises YELLOW, in per cent. */
    public record StallThreshold(double percent) {
    }

    /** Share of the period after which a water reading at the class to eliminate is ORANGE, not YELLOW. */
    public record WaterPhase(double percent) {
    }
}
