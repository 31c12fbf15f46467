package org.duban.collection;

import java.util.Optional;

/**
 * Who submits: a department account may report only the indicators of tasks its department
 * leads; an office account (no department) may report any.
 */
public record Submitter(String username, Optional<String> departmentCode) {

    public static Submitter office(String username) {
        return new Submitter(username, Optional.empty());
    }
}
