package org.duban.warning;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A step on a warning that cannot be taken: unknown, another department's, already done or invalid. */
@RestControllerAdvice
class WarningErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> warning(WarningProblem error) {
        HttpStatus status = switch (error.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, error.getMessage()));
    }
}
