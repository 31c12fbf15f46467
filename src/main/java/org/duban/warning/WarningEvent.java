package org.duban.warning;

import java.time.Instant;

import org.duban.rules.facts.Level;

/** One change in a warning's life, with the causes it had then. */
public record WarningEvent(Instant at, Kind event, Long runId, String fromLevel, String toLevel, String fromStatus,
                           String toStatus, String actor, String comment, String message, String causes) {

    /** What happened: by a run (raised, escalated, lowered, reopened, resolved) or by a person (acknowledged, resolved). */
    public enum Kind {
        RAISED("产生"), ESCALATED("升级"), LOWERED("降级"), REOPENED("重新打开"), ACKNOWLEDGED("确认"), RESOLVED("解除");

        private final String chinese;

        Kind(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** 黄色 → 橙色, as the history page shows a change of level. */
    public String levelChange() {
        return change(fromLevel, toLevel, level -> Level.valueOf(level).chinese());
    }

    /** 待确认 → 已确认, as the history page shows a change of status. */
    public String statusChange() {
        return change(fromStatus, toStatus, status -> WarningStatus.valueOf(status).chinese());
    }

    private static String change(String from, String to, java.util.function.UnaryOperator<String> chinese) {
        return (from == null ? "" : chinese.apply(from) + " ") + "→ " + (to == null ? "" : chinese.apply(to));
    }
}
