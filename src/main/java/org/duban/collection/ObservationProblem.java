package org.duban.collection;

/** What is wrong with one submitted value: where (element or row), which field, why. */
public record ObservationProblem(String place, String field, String message) {

    @Override
    public String toString() {
        return place + " " + field + ": " + message;
    }
}
