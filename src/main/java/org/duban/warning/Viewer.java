package org.duban.warning;

import java.util.Optional;

import org.duban.access.Accounts;

/** Who is looking: a department account sees only warnings on tasks its department leads or joins. */
public record Viewer(String username, Optional<String> departmentCode) {

    /** The account's view: a department account its department's, the office everything. */
    public static Viewer of(Accounts.Account account) {
        return new Viewer(account.username(), account.departmentCode());
    }
}
