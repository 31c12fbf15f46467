package org.duban.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 404 whose reason a person can read. */
final class NotFound extends ResponseStatusException {

    NotFound(String reason) {
        super(HttpStatus.NOT_FOUND, reason);
    }
}
