package org.duban.assessment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes a run's warning counts when the warnings have followed it. */
@Component
class RunTally {

    private final EvaluationRuns runs;

    RunTally(EvaluationRuns runs) {
        this.runs = runs;
    }

    @EventListener
    void on(WarningsTallied tally) {
        runs.tally(tally);
    }
}
