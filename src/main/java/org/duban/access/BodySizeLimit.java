package org.duban.access;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * JSON sent to the API is bounded like an upload is (uploads have their own limit, multipart): a body
 * announced larger than {@code limit} bytes is refused with 413 before anything reads it.
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final long limit;

    BodySizeLimit(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean upload = type != null && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (!upload && request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":413,\"title\":\"Content Too Large\",\"detail\":\"请求内容过大：最多 " + limit / 1024
                    + " KB（duban.api.max-body-size）；大批数据请分批提交或用文件上传\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
