package dev.floe.admin;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.floe.accounts.Accounts;
import dev.floe.accounts.FloeUser;
import dev.floe.accounts.LoginThrottle;
import dev.floe.accounts.Permissions;
import dev.floe.config.FloeSettings;
import dev.floe.config.SlashedRoutes;

/**
 * The editors' admin under {@code /admin/}: a session signed in by email and password on a form, CSRF tokens on every
 * unsafe request, a new session id at sign-in, throttled guessing, and {@link AdminAccess} checked on every handler.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AdminSecurityConfiguration {

    static final String LOGIN = "/admin/login/";
    static final String LOGOUT = "/admin/logout/";
    /** Reachable without signing in; everything else under /admin/ needs a session. */
    static final String[] PUBLIC = {LOGIN, "/admin/password-reset/**", WebJars.URL_PREFIX + "**"};
    /**
     * Every admin response's Content-Security-Policy: scripts and styles only from Floe's own files (no inline code),
     * so that editors' content that slips past the sanitizer cannot run in an editor's session. A handler that sets
     * its own policy (the page preview) keeps it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /** Signs in by email and password; a bean, so that Spring Boot makes no default in-memory user. */
    @Bean
    AuthenticationProvider passwordSignIn(Accounts accounts) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                String email = attempt.getName();
                String password = attempt.getCredentials() == null ? null : attempt.getCredentials().toString();
                FloeUser user = accounts.signIn(email, password)
                        .orElseThrow(() -> new BadCredentialsException("The email or password is not right."));
                return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities(user));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    @Bean
    @Order(5)
    SecurityFilterChain admin(HttpSecurity http, Accounts accounts, LoginThrottle throttle, SignInPage signInPage) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler afterSignIn = new SavedRequestAwareAuthenticationSuccessHandler();
        afterSignIn.setDefaultTargetUrl("/admin/");
        LoginUrlAuthenticationEntryPoint toSignIn = new LoginUrlAuthenticationEntryPoint(LOGIN);
        http.securityMatcher("/admin/**", "/admin")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage(LOGIN)
                        .loginProcessingUrl(LOGIN)
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(request.getParameter("email"));
                            afterSignIn.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            String email = request.getParameter("email");
                            String address = ClientAddress.of(request);
                            throttle.failed(email, address);
                            Optional<java.time.Duration> locked = throttle.lockedFor(email, address);
                            if (locked.isPresent()) {
                                signInPage.render(request, response, 429, email, SignInPage.lockedMessage(locked.get()), List.of());
                            } else {
                                signInPage.render(request, response, 200, email,
                                        "The email or password is not right. Check them and try again.", List.of());
                            }
                        }))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGOUT))
                        .logoutSuccessUrl(LOGIN + "?signed-out")
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, exception) -> {
                            if ("true".equals(request.getHeader("HX-Request"))) {
                                // htmx swaps nothing on a 401 but follows HX-Redirect: the whole page goes to sign-in.
                                response.setHeader("HX-Redirect", LOGIN);
                                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Your session has ended; sign in again.");
                            } else {
                                toSignIn.commence(request, response, exception);
                            }
                        })
                        .accessDeniedHandler((request, response, exception) -> {
                            if (exception instanceof CsrfException && LOGIN.equals(request.getRequestURI())) {
                                signInPage.render(request, response, HttpServletResponse.SC_FORBIDDEN, request.getParameter("email"),
                                        "The sign-in form had expired. Please sign in again.", List.of());
                                return;
                            }
                            String message = exception instanceof CsrfException
                                    ? "This form had expired or did not come from this site, so nothing was changed. Reload the page and try again."
                                    : "You may not do this.";
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            signInPage.renderError(request, response, HttpServletResponse.SC_FORBIDDEN, message);
                        }))
                .addFilterBefore(new ThrottleFilter(throttle, signInPage), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new FreshUserFilter(accounts), SecurityContextHolderFilter.class);
        return http.build();
    }

    /** The session cookie is HttpOnly and SameSite=Lax (application.yaml), and Secure under FORCE_SSL. */
    @Bean
    ServletContextInitializer secureSessionCookie(FloeSettings settings) {
        return (ServletContext context) -> {
            if (settings.forceSsl()) {
                context.getSessionCookieConfig().setSecure(true);
            }
        };
    }

    @Bean
    WebMvcConfigurer adminAccessChecks(Permissions permissions, AdminViews views, SlashedRoutes slashedRoutes) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AdminAccessInterceptor(permissions, views, slashedRoutes)).addPathPatterns("/admin/**", "/admin");
            }
        };
    }

    static List<GrantedAuthority> authorities(FloeUser user) {
        return user.superuser() ? List.of(new SimpleGrantedAuthority("ROLE_SUPERUSER"), new SimpleGrantedAuthority("ROLE_EDITOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_EDITOR"));
    }

    /** Refuses a sign-in attempt while the account or the address is locked out, without checking the password. */
    private static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final SignInPage signInPage;

        ThrottleFilter(LoginThrottle throttle, SignInPage signInPage) {
            this.throttle = throttle;
            this.signInPage = signInPage;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && LOGIN.equals(request.getRequestURI()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String email = request.getParameter("email");
            Optional<java.time.Duration> locked = throttle.lockedFor(email, ClientAddress.of(request));
            if (locked.isPresent()) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, locked.get().toSeconds())));
                signInPage.render(request, response, 429, email, SignInPage.lockedMessage(locked.get()), List.of());
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Reads the signed-in user afresh on every admin request: a deactivated user is signed out at once, and changed
     * groups or permissions apply from the next request.
     */
    private static final class FreshUserFilter extends OncePerRequestFilter {

        private final Accounts accounts;

        FreshUserFilter(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof FloeUser signedIn) {
                Optional<FloeUser> now = accounts.findActive(signedIn.id());
                if (now.isEmpty()) {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    SecurityContextHolder.clearContext();
                } else {
                    SecurityContext fresh = SecurityContextHolder.createEmptyContext();
                    fresh.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(now.get(), null, authorities(now.get())));
                    SecurityContextHolder.setContext(fresh);
                }
            }
            chain.doFilter(request, response);
        }
    }
}
