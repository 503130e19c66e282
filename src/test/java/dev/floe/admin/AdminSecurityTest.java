package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;

/** Signing in and out of the admin, and the protections around it: CSRF, session fixation, throttling, cookies. */
class AdminSecurityTest extends FloeIntegrationTest {

    @Test
    void anAnonymousVisitorIsSentToSignInAndComesBackAfterwards() {
        AdminRole.EDITOR.ensure(accounts);
        AdminClient client = AdminClient.anonymous(port);
        AdminClient.Response dashboard = client.get("/admin/tokens/");
        assertThat(dashboard.status()).isEqualTo(302);
        assertThat(dashboard.location()).isEqualTo("/admin/login/");

        AdminClient.Response form = client.get("/admin/login/");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"id_email\">Email", "<label for=\"id_password\">Password", "name=\"_csrf\"");

        AdminClient.Response signedIn = client.post("/admin/login/", Map.of("email", AdminRole.EDITOR.email(), "password", AdminRole.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).startsWith("/admin/tokens/");
    }

    @Test
    void theSessionIdChangesAtSignIn() {
        AdminRole.EDITOR.ensure(accounts);
        AdminClient client = AdminClient.anonymous(port);
        client.get("/admin/login/");
        String before = client.sessionId().orElseThrow();

        AdminClient.Response response = client.post("/admin/login/", Map.of("email", AdminRole.EDITOR.email(), "password", AdminRole.PASSWORD));
        assertThat(response.status()).isEqualTo(302);
        String after = client.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(client.get("/admin/").status()).isEqualTo(200);

        // Whoever held the old id (say, planted it before sign-in) is not signed in.
        AdminClient attacker = AdminClient.anonymous(port);
        AdminClient.Response withOldId = attacker.send(attacker.request("/admin/").header("Cookie", "JSESSIONID=" + before).GET());
        assertThat(withOldId.status()).isEqualTo(302);
        assertThat(withOldId.location()).isEqualTo("/admin/login/");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        AdminClient client = AdminClient.anonymous(port);
        AdminClient.Response form = client.get("/admin/login/");
        String cookie = form.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void anUnsafeRequestWithoutTheCsrfTokenIsRefused() {
        AdminClient client = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        AdminClient.Response refused = client.postWithoutToken("/admin/logout/", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("did not come from this site");
        assertThat(client.postWithoutToken("/admin/logout/", Map.of("_csrf", "not-the-token")).status()).isEqualTo(403);
        assertThat(client.get("/admin/").status()).as("still signed in").isEqualTo(200);

        AdminClient.Response signedOut = client.post("/admin/logout/", Map.of());
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).isEqualTo("/admin/login/?signed-out");
        assertThat(client.get("/admin/").status()).isEqualTo(302);
    }

    @Test
    void htmxSendsTheTokenAsAHeaderAndAnEndedSessionRedirectsTheWholePage() {
        AdminClient client = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        AdminClient.Response page = client.get("/admin/");
        assertThat(page.body()).contains("<meta name=\"csrf-token\" content=\"", "data-header=\"X-CSRF-TOKEN\"", "htmx.min.js", "admin/admin.js");
        assertThat(client.htmx("POST", "/admin/logout/", Map.of()).status()).isEqualTo(302);

        AdminClient.Response afterwards = client.htmx("GET", "/admin/", Map.of());
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.header("HX-Redirect")).contains("/admin/login/");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAMessageAndTheEmail() {
        AdminRole.EDITOR.ensure(accounts);
        AdminClient client = AdminClient.anonymous(port);
        AdminClient.Response response = client.signIn(AdminRole.EDITOR.email(), "not the password");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("The email or password is not right", "value=\"" + AdminRole.EDITOR.email() + "\"");
        assertThat(response.body()).doesNotContain("not the password");
    }

    @Test
    void fiveFailuresForOneAccountLockItEvenWithTheRightPassword() {
        String email = unique("locked") + "@admin.test";
        accounts.createUser(email, null, AdminRole.PASSWORD, false, java.util.Set.of("Editors"));
        for (int i = 0; i < 4; i++) {
            assertThat(AdminClient.anonymous(port).signIn(email, "wrong password " + i).status()).isEqualTo(200);
        }
        AdminClient.Response fifth = AdminClient.anonymous(port).signIn(email, "wrong password 5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.body()).contains("Too many failed sign-ins", "Try again in 15 minutes");

        AdminClient.Response rightPassword = AdminClient.anonymous(port).signIn(email, AdminRole.PASSWORD);
        assertThat(rightPassword.status()).isEqualTo(429);
        assertThat(rightPassword.header("Retry-After")).isPresent();
        assertThat(rightPassword.body()).contains("Too many failed sign-ins");
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryAccount() {
        AdminRole.EDITOR.ensure(accounts);
        AdminClient guesser = AdminClient.anonymous(port);
        for (int i = 0; i < 5; i++) {
            guesser.signIn(unique("nobody") + "@admin.test", "guess " + i);
        }
        AdminClient.Response locked = guesser.signIn(AdminRole.EDITOR.email(), AdminRole.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);

        // Others, from other addresses, still sign in to that account.
        assertThat(AdminClient.anonymous(port).signIn(AdminRole.EDITOR.email(), AdminRole.PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsEarlierFailures() {
        String email = unique("forgetful") + "@admin.test";
        accounts.createUser(email, null, AdminRole.PASSWORD, false, java.util.Set.of("Editors"));
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                AdminClient.anonymous(port).signIn(email, "wrong " + i);
            }
            assertThat(AdminClient.anonymous(port).signIn(email, AdminRole.PASSWORD).status()).isEqualTo(302);
        }
    }

    @Test
    void aDeactivatedUserIsSignedOutAtTheirNextRequest() {
        String email = unique("leaver") + "@admin.test";
        accounts.createUser(email, null, AdminRole.PASSWORD, false, java.util.Set.of("Editors"));
        AdminClient client = AdminClient.signedIn(port, email, AdminRole.PASSWORD);
        assertThat(client.get("/admin/").status()).isEqualTo(200);

        long id = accounts.findUserByEmail(email).orElseThrow().id();
        accounts.deactivate(id);
        AdminClient.Response after = client.get("/admin/");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).isEqualTo("/admin/login/");
        assertThat(AdminClient.anonymous(port).signIn(email, AdminRole.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theAdminsScriptsAreServedFromThisServer() {
        AdminClient client = AdminClient.anonymous(port);
        String page = client.get("/admin/login/").body();
        java.util.regex.Matcher htmx = java.util.regex.Pattern.compile("src=\"(/admin/webjars/htmx.org/[^\"]+)\"").matcher(page);
        assertThat(htmx.find()).isTrue();
        AdminClient.Response script = client.get(htmx.group(1));
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type").orElseThrow()).contains("javascript");
        assertThat(script.header("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(client.get("/admin/webjars/htmx.org/../../application.yaml").status()).isIn(400, 404);
        for (String asset : List.of("/static/admin/admin.css", "/static/admin/admin.js")) {
            assertThat(client.get(asset).status()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void everyAdminResponseForbidsInlineScriptsAndFramingByOtherSites() {
        AdminRole.EDITOR.ensure(accounts);
        AdminClient client = AdminClient.anonymous(port);
        List<AdminClient.Response> responses = new java.util.ArrayList<>(List.of(client.get("/admin/login/"), client.get("/admin/no-such-screen/")));
        AdminClient editor = AdminClient.signedIn(port, AdminRole.EDITOR.email(), AdminRole.PASSWORD);
        responses.add(editor.get("/admin/"));
        responses.add(editor.get("/admin/users/"));
        for (AdminClient.Response response : responses) {
            String policy = response.header("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'self'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
        }
        assertThat(editor.get("/admin/").body()).doesNotContain("<script>", "<style", " style=\"", " onclick=");
    }
}
