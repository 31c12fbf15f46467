package org.duban;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * Errors of the JSON API as RFC 9457 problem details, with the reason in Chinese; each module answers
 * its own errors (e.g. {@code collection.ObservationErrors}), this class the ones every request can meet. Spring's own
 * request errors (unreadable JSON, a parameter of the wrong type, a missing part, a file over the
 * upload limit) are given Chinese reasons that name the field; nothing a client sends should end
 * in a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException error) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage()));
    }

    /** The last guard: a value the checks missed reached the database and did not fit. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> doesNotFit(DataIntegrityViolationException error) {
        log.error("数据库拒绝了一个未经检查的值（请为它补上输入检查）: {}", error.getMostSpecificCause().getMessage());
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "数据未保存：某个值超出了允许的长度或范围"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badUpload(MultipartException error) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "上传内容无法读取：应为 multipart/form-data，文件放在字段 file 中"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException error, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = error.getMostSpecificCause() instanceof JacksonException json ? path(json) : "";
        String detail = field.isEmpty() ? "请求内容无法解析：应为有效的 JSON，字段类型与取值见 README 的 API 说明"
                : "请求内容无法解析：字段 " + field + " 的类型或取值不对（例如日期应为 YYYY-MM-DD，角色应为 OFFICE、RULE_AUTHOR 或 DEPARTMENT）";
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException error, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String name = error instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : error.getPropertyName();
        String value = String.valueOf(error.getValue());
        value = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "参数 " + name + " 的值 \"" + value + "\" 无效" + (name != null && name.toLowerCase().contains("asof") ? "（日期应为 YYYY-MM-DD）" : "")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException error, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "缺少参数 " + error.getParameterName()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException error, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "缺少上传的文件（multipart 字段 " + error.getRequestPartName() + "）"));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException error, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "上传的文件过大（最大 10 MB，spring.servlet.multipart.max-file-size）；请分成几个文件"));
    }

    private static String path(JacksonException error) {
        return error.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "第 " + (ref.getIndex() + 1) + " 条")
                .collect(Collectors.joining(" → "));
    }
}
