package dev.floe.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.floe.accounts.Accounts;

/**
 * A browser-like HTTP session with the admin for tests: keeps its cookies, remembers the CSRF token of the last page
 * it saw and sends it with form posts (as the admin's forms do) or as a header (as htmx does). Redirects are not
 * followed, so tests see them. Each client claims its own client address through {@code X-Forwarded-For}, so that
 * sign-in throttling in one test does not lock out another.
 *
 * <pre>
 * AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
 * editor.get("/admin/pages/").status();                       // 200
 * editor.post("/admin/users/new/", Map.of("email", "x@y.z")); // CSRF token added
 * editor.htmx("POST", "/admin/pages/3/move/", Map.of(...));   // token in the X-CSRF-TOKEN header
 * </pre>
 */
public final class AdminClient {

    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern INPUT_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient http;
    private final String address;
    private String csrfToken;

    /** A response: status, body and headers. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        /** The Location of a redirect, without scheme and host. */
        public String location() {
            return header("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(null);
        }
    }

    private AdminClient(int port, String address, CookieManager cookies) {
        this.port = port;
        this.address = address;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A session that has not signed in. */
    public static AdminClient anonymous(int port) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new AdminClient(port, "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255),
                new CookieManager());
    }

    /** The same browser (cookies, client address) talking to another instance on {@code otherPort}. */
    public AdminClient on(int otherPort) {
        return new AdminClient(otherPort, address, cookies);
    }

    /** A session signed in as the role's test user (made in this database if needed). */
    public static AdminClient signedIn(int port, Accounts accounts, AdminRole role) {
        role.ensure(accounts);
        return signedIn(port, role.email(), role.password());
    }

    /** A session signed in with this email and password; fails if signing in does not succeed. */
    public static AdminClient signedIn(int port, String email, String password) {
        AdminClient client = anonymous(port);
        Response response = client.signIn(email, password);
        if (response.status() != 302 || response.location().startsWith("/admin/login/")) {
            throw new AssertionError("Signing in as " + email + " failed: " + response.status() + " " + response.body());
        }
        return client;
    }

    /** Fetches the sign-in form and posts it; returns the post's response (302 to the admin when it worked). */
    public Response signIn(String email, String password) {
        get("/admin/login/");
        Response response = post("/admin/login/", Map.of("email", email, "password", password));
        if (response.status() == 302) {
            csrfToken = null; // signing in replaces the CSRF token; the next post fetches a page for the new one
        }
        return response;
    }

    /** The address this client claims to come from. */
    public String address() {
        return address;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** Posts a form with the CSRF token, as the admin's forms do. */
    public Response post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.putIfAbsent("_csrf", token());
        return postWithoutToken(path, withToken);
    }

    /** Posts a form given as name, value, name, value…, where a name may repeat (checkboxes); the CSRF token is added. */
    public Response postForm(String path, String... namesAndValues) {
        StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(token(), StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            body.append('&').append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Posts a form exactly as given: no CSRF token unless the form has one. */
    public Response postWithoutToken(String path, Map<String, String> form) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** A file in a multipart form. */
    public record FilePart(String field, String fileName, String contentType, byte[] bytes) {
    }

    /** Posts a multipart form (with the CSRF token in a field, as the admin's upload forms send it). */
    public Response postMultipart(String path, Map<String, String> fields, List<FilePart> files) {
        String boundary = "floe-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", token());
        withToken.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A request as htmx makes it: the {@code HX-Request} header and the CSRF token in {@code X-CSRF-TOKEN}. */
    public Response htmx(String method, String path, Map<String, String> form) {
        HttpRequest.Builder builder = request(path).header("HX-Request", "true").header("X-CSRF-TOKEN", token())
                .header("Content-Type", "application/x-www-form-urlencoded");
        return send(builder.method(method, form.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Any request, for tests that need a method or header of their own. */
    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.header("X-Forwarded-For", address).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            remember(response.body());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    /** The session cookie's value, if there is a session. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    /** The CSRF token of the last page seen, fetching the dashboard or the sign-in form first if none was. */
    public String token() {
        if (csrfToken == null) {
            Response page = get("/admin/");
            if (page.status() != 200) {
                get("/admin/login/");
            }
        }
        if (csrfToken == null) {
            throw new AssertionError("No page of the admin gave a CSRF token");
        }
        return csrfToken;
    }

    private void remember(String body) {
        if (body == null) {
            return;
        }
        Matcher matcher = META_TOKEN.matcher(body);
        if (matcher.find()) {
            csrfToken = matcher.group(1);
            return;
        }
        matcher = INPUT_TOKEN.matcher(body);
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
