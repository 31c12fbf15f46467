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

    /** A trend projecting a miss of more than {@code percent} of the target at the deadline raises ORANGE. */
    public record TrendTolerance(double percent) {
    }

    /** A deadline this many days ahead, or fewer, with the target not yet met raises a BLUE notice. */
    public record NoticeWindow(int days) {
    }

    /** Days after a reporting period ends before its missing report raises a BLUE notice. */
    public record ReportingGrace(int days) {
    }

    /** Share of a milestone's period after which 未启动 raises YELLOW, in per cent. */
    public record StallThreshold(double percent) {
    }
}
