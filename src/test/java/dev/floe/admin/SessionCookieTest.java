package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;

import dev.floe.config.FloeSettings;

/** Under FORCE_SSL the session cookie is marked Secure, which Tomcat sets on the cookie itself, past any response wrapper. */
class SessionCookieTest {

    private static MockServletContext startWith(Map<String, String> environment) throws Exception {
        MockServletContext context = new MockServletContext();
        new AdminSecurityConfiguration().secureSessionCookie(FloeSettings.from(environment::get)).onStartup(context);
        return context;
    }

    @Test
    void theSessionCookieIsSecureOnlyUnderForceSsl() throws Exception {
        assertThat(startWith(Map.of("FORCE_SSL", "yes")).getSessionCookieConfig().isSecure()).isTrue();
        assertThat(startWith(Map.of()).getSessionCookieConfig().isSecure()).isFalse();
    }
}
