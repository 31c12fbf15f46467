package org.duban.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded evaluation: when, as of which day, with which rules, how it ended and what it found.
 * An incremental run's counts concern only the indicators it judged.
 */
public record EvaluationRun(long runId, String plan, LocalDate asOf, Instant startedAt, Instant finishedAt, String ruleSetVersion,
                            Outcome outcome, String triggeredBy, Integer firings, Integer warningsOpen, Integer warningsRaised,
                            Integer warningsResolved, String error, Kind kind) {

    /** What a run judged. */
    public enum Kind {
        /** Every indicator of the plan: the daily run, a run asked for. */
        FULL("全部指标"),
        /** Only the indicators newly accepted values touched, at once after the intake stored them. */
        INCREMENTAL("增量");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** How a run ended, or that it has not. */
    public enum Outcome {
        RUNNING("运行中"), SUCCEEDED("成功"), FAILED("失败"),
        /** Left RUNNING by an instance that stopped mid-run; closed by another instance or the next start. */
        ABANDONED("中断");

        private final String chinese;

        Outcome(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }
}
