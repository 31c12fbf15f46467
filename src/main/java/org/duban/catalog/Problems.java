package org.duban.catalog;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one reading, so a user sees all of them at once. */
final class Problems {

    private final List<CatalogProblem> found = new ArrayList<>();

    void add(String file, int line, String field, String message) {
        found.add(new CatalogProblem(file, line, field, message));
    }

    void addAll(List<CatalogProblem> problems) {
        found.addAll(problems);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<CatalogProblem> list() {
        return List.copyOf(found);
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new CatalogException(found);
        }
    }
}
