package org.duban.access;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API takes HTTP Basic and keeps no session, so it has no CSRF token; but a browser sends the
 * Basic credentials it has cached with any request, also one a page of another site makes. A
 * state-changing request that says (by {@code Origin}, or else {@code Referer}) it comes from
 * another origin is therefore refused, whatever its credentials. Scripts and curl send neither
 * header and are not affected.
 */
class OriginCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OriginCheck.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (STATE_CHANGING.contains(request.getMethod())) {
            String origin = request.getHeader("Origin");
            String claimed = origin != null ? origin : request.getHeader("Referer");
            if (claimed != null && !sameOrigin(claimed, request)) {
                log.warn("已拒绝来自其他网站 {} 的 {} {} 请求（跨站请求）", claimed, request.getMethod(), request.getRequestURI());
                response.setStatus(HttpStatus.FORBIDDEN.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"拒绝跨站请求：请求来自其他网站（"
                        + json(claimed) + "），只接受本站页面或不带 Origin 的脚本请求\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String claimed, HttpServletRequest request) {
        try {
            URI uri = URI.create(claimed.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null" (a sandboxed page, a file) is no origin of ours
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return uri.getScheme().equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String json(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
        return shown.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", "");
    }
}
