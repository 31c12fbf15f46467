package org.duban.web;

import org.duban.access.Accounts;
import org.duban.access.Accounts.Account;
import org.duban.access.TokenHolder;
import org.duban.collection.Submitter;
import org.duban.warning.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Turns the logged-in user into what the modules need to know of them. */
@Component
class Caller {

    private final Accounts accounts;

    Caller(Accounts accounts) {
        this.accounts = accounts;
    }

    Account of(Authentication authentication) {
        if (authentication.getPrincipal() instanceof TokenHolder holder) {
            return holder.account();
        }
        return accounts.account(authentication.getName())
                .orElseThrow(() -> new IllegalStateException("账号不存在: " + authentication.getName()));
    }

    Submitter submitter(Authentication authentication) {
        Account account = of(authentication);
        return new Submitter(account.username(), account.departmentCode());
    }

    Viewer viewer(Authentication authentication) {
        Account account = of(authentication);
        return new Viewer(account.username(), account.departmentCode());
    }
}
