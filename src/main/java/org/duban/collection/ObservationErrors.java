package org.duban.collection;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A rejected submission names every error, with its place and field, and stores nothing. */
@RestControllerAdvice
class ObservationErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(ObservationsRejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "数据未保存：共 " + rejected.problems().size() + " 处错误，请全部改正后重新提交");
        problem.setTitle("数据有误");
        List<ObservationProblem> errors = rejected.problems();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
