package org.duban.web;

import java.util.List;

import org.duban.assessment.EvaluationFailed;
import org.duban.collection.ObservationProblem;
import org.duban.collection.ObservationsRejected;
import org.duban.warning.WarningProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the JSON API as RFC 9457 problem details, with the reason in Chinese. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(ObservationsRejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "数据未保存：共 " + rejected.problems().size() + " 处错误，请全部改正后重新提交");
        problem.setTitle("数据有误");
        List<ObservationProblem> errors = rejected.problems();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

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

    @ExceptionHandler
    ResponseEntity<ProblemDetail> evaluation(EvaluationFailed error) {
        return ResponseEntity.unprocessableEntity().body(ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, error.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException error) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage()));
    }
}
