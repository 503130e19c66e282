package dev.floe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which hosts the site answers to, and what FORCE_SSL does, request by request. */
class HostAndTlsFilterTest {

    private static final String SECRET = "k3J9-qX2v7Lp0zR8tY4wB6nM1cF5hD0sAe";

    @Test
    void productionAnswersOnlyToItsDomainAndVirtualHosts() throws Exception {
        HostAndTlsFilter filter = filter(Map.of("BASE_SETTINGS_MODULE", "production", "SECRET_KEY", SECRET,
                "SITE_DOMAIN", "www.example.com", "VIRTUAL_HOST", "example.com,https://*.example.org,preview.example.net:8443"));

        assertThat(run(filter, get("www.example.com", 80, "/")).getStatus()).isEqualTo(200);
        assertThat(run(filter, get("WWW.EXAMPLE.COM", 8080, "/")).getStatus()).as("any port, any case").isEqualTo(200);
        assertThat(run(filter, get("example.com", 80, "/")).getStatus()).isEqualTo(200);
        assertThat(run(filter, get("news.example.org", 80, "/")).getStatus()).isEqualTo(200);
        assertThat(run(filter, get("preview.example.net", 8443, "/")).getStatus()).isEqualTo(200);
        assertThat(run(filter, get("preview.example.net", 80, "/")).getStatus()).as("a host given with a port only on that port").isEqualTo(400);
        assertThat(run(filter, get("localhost", 80, "/")).getStatus()).as("localhost is for develop and test").isEqualTo(400);

        MockHttpServletResponse refused = run(filter, get("evil.example", 80, "/api/v2/pages/"));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).isEqualTo("Bad Request: this site does not answer to the host 'evil.example'.\n");
    }

    @Test
    void healthChecksAnswerToAnyHostAndScheme() throws Exception {
        HostAndTlsFilter filter = filter(Map.of("BASE_SETTINGS_MODULE", "production", "SECRET_KEY", SECRET,
                "SITE_DOMAIN", "www.example.com", "FORCE_SSL", "yes"));

        assertThat(run(filter, get("10.0.3.7", 8080, "/-/health/ready")).getStatus()).isEqualTo(200);
        assertThat(run(filter, get("10.0.3.7", 8080, "/-/health/live")).getStatus()).isEqualTo(200);
        assertThat(run(filter, get("10.0.3.7", 8080, "/-/version")).getStatus()).as("only health checks").isEqualTo(400);
    }

    @Test
    void developAndTestAlwaysAcceptLocalhost() throws Exception {
        for (String module : new String[] {"develop", "test"}) {
            HostAndTlsFilter filter = filter(Map.of("BASE_SETTINGS_MODULE", module, "SITE_DOMAIN", "www.example.com"));
            assertThat(run(filter, get("localhost", 8080, "/")).getStatus()).isEqualTo(200);
            assertThat(run(filter, get("127.0.0.1", 8080, "/")).getStatus()).isEqualTo(200);
            assertThat(run(filter, get("www.example.com", 8080, "/")).getStatus()).isEqualTo(200);
            assertThat(run(filter, get("evil.example", 8080, "/")).getStatus()).isEqualTo(400);
        }
    }

    @Test
    void forceSslRedirectsPlainHttpKeepingPathQueryAndMethod() throws Exception {
        HostAndTlsFilter filter = forceSsl();

        MockHttpServletRequest plain = get("www.example.com", 80, "/about/");
        plain.setQueryString("page=2&q=a");
        MockHttpServletResponse redirected = run(filter, plain);
        MockHttpServletRequest post = get("www.example.com", 80, "/api/v2/pages/");
        post.setMethod("POST");
        MockHttpServletRequest viaProxy = get("www.example.com", 80, "/about/");
        viaProxy.addHeader("X-Forwarded-Proto", "http");

        assertThat(redirected.getStatus()).isEqualTo(301);
        assertThat(redirected.getHeader("Location")).isEqualTo("https://www.example.com/about/?page=2&q=a");
        assertThat(redirected.getHeader("Strict-Transport-Security")).as("HSTS only over HTTPS").isNull();
        assertThat(run(filter, post).getStatus()).as("a redirect that keeps the method").isEqualTo(308);
        assertThat(run(filter, viaProxy).getStatus()).isEqualTo(301);
    }

    @Test
    void overHttpsFromTheProxyTheSiteIsServedWithHstsAndSecureCookies() throws Exception {
        HostAndTlsFilter filter = forceSsl();
        MockHttpServletRequest request = get("www.example.com", 80, "/about/");
        request.addHeader("X-Forwarded-Proto", "https");
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServletRequest[] seen = new HttpServletRequest[1];

        filter.doFilter(request, response, (req, res) -> {
            seen[0] = (HttpServletRequest) req;
            ((HttpServletResponse) res).addCookie(new Cookie("SESSION", "abc"));
            ((HttpServletResponse) res).addHeader("Set-Cookie", "XSRF-TOKEN=def; Path=/");
            ((HttpServletResponse) res).addHeader("Set-Cookie", "ALREADY=ghi; Secure; HttpOnly");
        });

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(seen[0].isSecure()).isTrue();
        assertThat(seen[0].getRequestURL().toString()).isEqualTo("https://www.example.com/about/");
        assertThat(response.getCookie("SESSION").getSecure()).isTrue();
        assertThat(response.getHeaders("Set-Cookie")).contains("XSRF-TOKEN=def; Path=/; Secure", "ALREADY=ghi; Secure; HttpOnly");
    }

    @Test
    void withoutForceSslPlainHttpIsServedWithoutHsts() throws Exception {
        HostAndTlsFilter filter = filter(Map.of("SITE_DOMAIN", "www.example.com"));

        MockHttpServletResponse response = run(filter, get("www.example.com", 80, "/"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    }

    private static HostAndTlsFilter forceSsl() {
        return filter(Map.of("BASE_SETTINGS_MODULE", "production", "SECRET_KEY", SECRET, "SITE_DOMAIN", "www.example.com", "FORCE_SSL", "yes"));
    }

    private static HostAndTlsFilter filter(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("FLOE_VAR_DIR", System.getProperty("java.io.tmpdir"));
        return new HostAndTlsFilter(FloeSettings.from(all::get));
    }

    private static MockHttpServletRequest get(String host, int port, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServerName(host);
        request.setServerPort(port);
        request.addHeader("Host", port == 80 ? host : host + ":" + port);
        return request;
    }

    private static MockHttpServletResponse run(HostAndTlsFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
