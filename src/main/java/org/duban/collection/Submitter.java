package org.duban.collection;

import java.util.Optional;

import org.duban.access.Accounts;

/**
 * Who submits: a department account may report only the indicators of tasks its department
 * leads; an office account (no department) may report any.
 */
public record Submitter(String username, Optional<String> departmentCode) {

    /** The account as a submitter: a department account for its department, the office for any. */
    public static Submitter of(Accounts.Account account) {
        return new Submitter(account.username(), account.departmentCode());
    }

    public static Submitter office(String username) {
        return new Submitter(username, Optional.empty());
    }
}
