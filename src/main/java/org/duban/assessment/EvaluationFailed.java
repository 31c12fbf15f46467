package org.duban.assessment;

/** An evaluation could not run or failed; its message says why, in Chinese. */
public class EvaluationFailed extends RuntimeException {

    public EvaluationFailed(String message) {
        super(message);
    }
}
