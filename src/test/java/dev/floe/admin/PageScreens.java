package dev.floe.admin;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.floe.accounts.Accounts;

/**
 * The page screens as one signed-in person uses them over HTTP, through {@link AdminClient}: GET a screen, POST a
 * form with its CSRF token. Unlike {@link AdminClient#post}, a form field may repeat (the blocks of a slot).
 */
final class PageScreens {

    private final AdminClient client;
    private final String email;

    private PageScreens(AdminClient client, String email) {
        this.client = client;
        this.email = email;
    }

    static PageScreens signedIn(int port, Accounts accounts, AdminRole role) {
        AdminClient client = AdminClient.signedIn(port, accounts, role);
        client.get("/admin/"); // signing in replaces the CSRF token: take the new one
        return new PageScreens(client, role.email());
    }

    String email() {
        return email;
    }

    AdminClient.Response get(String path) {
        return client.get(path);
    }

    /** Posts form fields given as name, value, name, value…; a name may repeat. */
    AdminClient.Response post(String path, String... nameValues) {
        List<String> pairs = new ArrayList<>();
        pairs.add("_csrf=" + enc(client.token()));
        for (int i = 0; i < nameValues.length; i += 2) {
            pairs.add(enc(nameValues[i]) + "=" + enc(nameValues[i + 1]));
        }
        return client.send(client.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
