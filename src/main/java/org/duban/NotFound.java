package org.duban;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 404 whose reason a person can read. */
public final class NotFound extends ResponseStatusException {

    public NotFound(String reason) {
        super(HttpStatus.NOT_FOUND, reason);
    }
}
