package dev.floe.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only to the site's own hosts ({@code SITE_DOMAIN}, {@code VIRTUAL_HOST}; in develop and test also
 * localhost), and with {@code FORCE_SSL=yes} only over HTTPS: plain HTTP is redirected, HSTS is sent and cookies are
 * marked secure. Whether a request came over HTTPS is what the proxy says in {@code X-Forwarded-Proto}. Health checks
 * answer whatever the host and scheme, since probes call an instance by its address.
 */
final class HostAndTlsFilter extends OncePerRequestFilter {

    static final String HEALTH = "/-/health/";
    static final String HSTS = "max-age=31536000";
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final Set<String> hosts;
    private final boolean forceSsl;

    HostAndTlsFilter(FloeSettings settings) {
        Set<String> accepted = new LinkedHashSet<>(settings.acceptedHosts());
        if (!settings.isProduction()) {
            accepted.addAll(LOCAL);
        }
        this.hosts = Set.copyOf(accepted);
        this.forceSsl = settings.forceSsl();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().startsWith(HEALTH)) {
            chain.doFilter(request, response);
            return;
        }
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (!accepts(host, request.getServerPort())) {
            byte[] body = ("Bad Request: this site does not answer to the host '" + host + "'.\n").getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        if (!forceSsl) {
            chain.doFilter(request, response);
            return;
        }
        if (!isHttps(request)) {
            String location = "https://" + host + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            // 308 keeps the method and body of a POST; browsers follow 301 for links.
            response.setStatus(safe ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
            response.setHeader("Location", location);
            return;
        }
        response.setHeader("Strict-Transport-Security", HSTS);
        chain.doFilter(new HttpsRequest(request), new SecureCookies(response));
    }

    private boolean accepts(String host, int port) {
        if (hosts.contains(host) || hosts.contains(host + ":" + port)) {
            return true;
        }
        return hosts.stream().anyMatch(pattern -> pattern.startsWith("*.") && host.endsWith(pattern.substring(1)));
    }

    private static boolean isHttps(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        if (forwarded != null) {
            return "https".equalsIgnoreCase(forwarded.split(",")[0].strip());
        }
        return request.isSecure();
    }

    /** The request as the visitor made it: over HTTPS, to the proxy. */
    private static final class HttpsRequest extends HttpServletRequestWrapper {

        HttpsRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public String getScheme() {
            return "https";
        }

        @Override
        public int getServerPort() {
            String forwarded = getHeader("X-Forwarded-Port");
            return forwarded != null && forwarded.strip().matches("[0-9]{1,5}") ? Integer.parseInt(forwarded.strip()) : 443;
        }

        @Override
        public StringBuffer getRequestURL() {
            int port = getServerPort();
            return new StringBuffer("https://").append(getServerName()).append(port == 443 ? "" : ":" + port).append(getRequestURI());
        }
    }

    /** Marks every cookie Secure, however it is set. */
    private static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, secure(name, value));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, secure(name, value));
        }

        private static String secure(String name, String value) {
            if (value != null && "Set-Cookie".equalsIgnoreCase(name) && !value.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?$")) {
                return value + "; Secure";
            }
            return value;
        }
    }
}
