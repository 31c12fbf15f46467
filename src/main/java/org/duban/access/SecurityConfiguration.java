package org.duban.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors. The JSON API ({@code /api/**}) takes HTTP Basic on every request and keeps no
 * session, so it needs no CSRF token and answers 401 (with a Basic challenge) instead of a login page. The web pages use
 * a login form and a session. Only health and the login page are open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/rules/reload").hasRole(Role.RULE_AUTHOR.name())
                        .requestMatchers("/api/accounts/**", "/api/jobs/**", "/api/mail/**").hasRole(Role.OFFICE.name())
                        .requestMatchers(HttpMethod.POST, "/api/evaluations/**", "/api/warnings/*/resolve").hasRole(Role.OFFICE.name())
                        .requestMatchers("/api/evaluations/**", "/api/firings/**", "/api/rules")
                            .hasAnyRole(Role.OFFICE.name(), Role.RULE_AUTHOR.name())
                        .anyRequest().authenticated())
                // 401 with WWW-Authenticate: Basic, so a browser asks for the account and a client knows what to send
                .httpBasic(basic -> basic.realmName("Duban"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

}
