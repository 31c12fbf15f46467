package org.duban.warning;

import java.util.Optional;

import org.duban.access.Accounts;

/**
 * Who is looking: a department account sees only warnings on tasks its department leads or joins,
 * in its own region's plans.
 */
public record Viewer(String username, Optional<String> departmentCode, Optional<String> region) {

    /** The account's view: a department account its department's, the office everything. */
    public static Viewer of(Accounts.Account account) {
        return new Viewer(account.username(), account.departmentCode(), account.region());
    }

    public static Viewer office(String username) {
        return new Viewer(username, Optional.empty(), Optional.empty());
    }
}
