package org.duban.access;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in account into every page's model as {@code me}, for the shared navigation. The JSON
 * API is skipped: it renders no page and should not pay a database look-up per request.
 */
@ControllerAdvice
class SignedInAdvice {

    private final Accounts accounts;

    SignedInAdvice(Accounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("me")
    Accounts.Account me(HttpServletRequest request, Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || request.getRequestURI().startsWith("/api/")) {
            return null;
        }
        return accounts.account(authentication.getName()).orElse(null);
    }
}
