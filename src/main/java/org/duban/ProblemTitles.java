package org.duban;

import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Problem details carry their title in Chinese like their detail: a title left at the status's English
 * reason phrase ("Bad Request") becomes 请求有误, whichever module answered.
 */
@RestControllerAdvice
class ProblemTitles implements ResponseBodyAdvice<Object> {

    private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(400, "请求有误"), Map.entry(401, "需要登录"),
            Map.entry(403, "无权操作"), Map.entry(404, "未找到"), Map.entry(405, "不支持的请求方法"), Map.entry(409, "与现有数据冲突"),
            Map.entry(413, "内容过大"), Map.entry(415, "不支持的内容类型"), Map.entry(422, "无法处理"), Map.entry(429, "请求过多"),
            Map.entry(500, "服务器内部错误"));

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            if (status != null && (problem.getTitle() == null || problem.getTitle().equals(status.getReasonPhrase()))) {
                problem.setTitle(TITLES.getOrDefault(status.value(), problem.getTitle()));
            }
        }
        return body;
    }
}
