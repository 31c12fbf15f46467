package org.duban.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers 429 to a login attempt (HTTP Basic, or the login form) for a locked account and
 * address before any password is checked; {@link LoginThrottle} counts the failures.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;
    private final Clock clock;

    LoginThrottleFilter(LoginThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = username(request);
        Optional<Instant> until = username.flatMap(name -> throttle.lockedUntil(name, request.getRemoteAddr()));
        if (until.isPresent()) {
            long seconds = Math.max(1, (Duration.between(clock.instant(), until.get()).toMillis() + 999) / 1000);
            log.warn("账号 {} 自地址 {} 的登录已锁定，拒绝本次登录（还有 {} 秒）", username.get(), request.getRemoteAddr(), seconds);
            String reason = "密码错误次数过多，该账号自本地址的登录已锁定，请 " + (seconds + 59) / 60 + " 分钟后再试，或请督办室解除锁定";
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            response.setCharacterEncoding("UTF-8");
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                // the login form: a person reads a page, not JSON
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>登录已锁定</title></head>"
                        + "<body style=\"font-family:sans-serif;margin:3em\"><h1>登录已锁定</h1><p>" + reason
                        + "。</p><p><a href=\"" + request.getContextPath() + "/login\">返回登录页</a></p></body></html>");
                return;
            }
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"status\":429,\"title\":\"Too Many Requests\",\"detail\":\"" + reason + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> username(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // not Base64: Basic authentication itself answers 401
            }
        }
        if ("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI())) {
            return Optional.ofNullable(request.getParameter("username"));
        }
        return Optional.empty();
    }
}
