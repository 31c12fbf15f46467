package org.duban.collection;

import java.util.List;
import java.util.stream.Collectors;

/** A batch had errors; nothing of it was stored. Lists every error, not only the first. */
public class ObservationsRejected extends RuntimeException {

    private final List<ObservationProblem> problems;

    public ObservationsRejected(List<ObservationProblem> problems) {
        super("数据未保存，共 " + problems.size() + " 处错误: " + problems.stream().map(ObservationProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ObservationProblem> problems() {
        return problems;
    }
}
