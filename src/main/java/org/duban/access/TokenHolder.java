package org.duban.access;

import org.duban.access.Accounts.Account;
import org.springframework.security.core.AuthenticatedPrincipal;

/** Who a request with a Bearer token acts as: the account (or department) the token was made for. */
public record TokenHolder(long tokenId, String tokenName, Account account) implements AuthenticatedPrincipal {

    @Override
    public String getName() {
        return account.username();
    }
}
