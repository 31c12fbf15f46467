package org.duban.collection;

import java.util.Optional;

import org.duban.access.Accounts;
import org.duban.catalog.Department;

/**
 * Who submits: a department account may report only the indicators of tasks its department
 * leads; an office account (no department) may report any.
 */
public record Submitter(String username, Optional<String> departmentCode, Optional<String> region) {

    /** The account as a submitter: a department account for its department, the office for any. */
    public static Submitter of(Accounts.Account account) {
        return new Submitter(account.username(), account.departmentCode(), account.region());
    }

    public static Submitter office(String username) {
        return new Submitter(username, Optional.empty(), Optional.empty());
    }

    static Submitter department(String username, Department department) {
        return new Submitter(username, Optional.of(department.code()), Optional.of(department.region()));
    }

    /** Whether this submitter may report for {@code department}: the office for any, a department for itself. */
    boolean reportsFor(Department department) {
        return departmentCode.isEmpty() || (departmentCode.get().equals(department.code()) && region.get().equals(department.region()));
    }
}
