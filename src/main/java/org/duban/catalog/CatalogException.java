package org.duban.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A plan could not be loaded; nothing was changed. Carries every problem found, not just the first. */
public class CatalogException extends RuntimeException {

    private final List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super("计划未加载，发现 " + problems.size() + " 处错误:\n" + problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
