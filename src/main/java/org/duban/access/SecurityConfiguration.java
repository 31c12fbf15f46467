package org.duban.access;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two doors. The JSON API ({@code /api/**}) takes HTTP Basic or a Bearer token on every request
 * and keeps no session, so it has no CSRF token: instead a state-changing request from another
 * origin is refused ({@link OriginCheck}). It answers 401 (with a Basic challenge) instead of a
 * login page. The web pages use a login form, a session and CSRF tokens. Only health and the
 * login page are open. Both doors refuse a locked login ({@link LoginThrottle}) with 429.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String[] WRITERS = {Role.OFFICE.name(), Role.RULE_AUTHOR.name(), Role.DEPARTMENT.name()};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle, Clock clock,
                            @org.springframework.beans.factory.annotation.Value("${duban.api.max-body-size:2MB}")
                            org.springframework.util.unit.DataSize maxBody) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/rules/reload").hasRole(Role.RULE_AUTHOR.name())
                        // the rule workbench: putting rules into force is for rule authors; checking, dry runs,
                        // the history and near misses also for the office
                        .requestMatchers(HttpMethod.POST, "/api/rules/activate", "/api/rules/versions/*/activate")
                            .hasRole(Role.RULE_AUTHOR.name())
                        .requestMatchers("/api/rules/**").hasAnyRole(Role.OFFICE.name(), Role.RULE_AUTHOR.name())
                        .requestMatchers("/api/accounts/**", "/api/jobs/**", "/api/mail/**", "/api/tokens/**", "/api/logins/**")
                            .hasRole(Role.OFFICE.name())
                        .requestMatchers(HttpMethod.POST, "/api/evaluations/**", "/api/warnings/*/resolve").hasRole(Role.OFFICE.name())
                        .requestMatchers("/api/evaluations/**", "/api/firings/**", "/api/rules")
                            .hasAnyRole(Role.OFFICE.name(), Role.RULE_AUTHOR.name())
                        // a viewer (a leader) reads and never changes anything
                        .requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.PUT, "/api/**").hasAnyRole(WRITERS)
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasAnyRole(WRITERS)
                        .anyRequest().authenticated())
                // 401 with WWW-Authenticate: Basic, so a browser asks for the account and a client knows what to send
                .httpBasic(basic -> basic.realmName("Duban"))
                .addFilterBefore(new OriginCheck(), BasicAuthenticationFilter.class)
                .addFilterBefore(new BodySizeLimit(maxBody.toBytes()), BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle, clock), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * The pages: a login form, a session (timing out after {@code server.servlet.session.timeout}) and a
     * CSRF token in every form. Which department's data a department account sees is decided in the
     * pages themselves (a 403 also for a typed URL); the chain only keeps whole areas to their roles.
     */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, Clock clock) throws Exception {
        String office = Role.OFFICE.name();
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error", "/webjars/**", "/css/**", "/js/**")
                            .permitAll()
                        .requestMatchers("/accounts/**").hasRole(office)
                        .requestMatchers(HttpMethod.POST, "/warnings/*/resolve").hasRole(office)
                        .requestMatchers("/rules/**", "/firings/**")
                            .hasAnyRole(office, Role.RULE_AUTHOR.name(), Role.VIEWER.name())
                        .requestMatchers("/ledger.xlsx", "/bulletin", "/bulletin.xlsx").hasAnyRole(office, Role.VIEWER.name())
                        .requestMatchers("/account/password").authenticated()
                        .requestMatchers(HttpMethod.POST, "/**").hasAnyRole(WRITERS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new LoginThrottleFilter(throttle, clock), UsernamePasswordAuthenticationFilter.class)
                .build();
    }

}
