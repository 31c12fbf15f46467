package org.duban.assessment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An evaluation that failed was recorded as failed; the client is told why. */
@RestControllerAdvice
class EvaluationErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> evaluation(EvaluationFailed error) {
        return ResponseEntity.unprocessableEntity().body(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, error.getMessage()));
    }
}
