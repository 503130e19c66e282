package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.floe.support.Api;
import dev.floe.support.Cli;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** {@code floe smoke}: run against the running site, and against a made-up site that fails in every way it can. */
class SmokeTest extends FloeIntegrationTest {

    private HttpServer fake;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final Map<String, String> hostsSeen = new ConcurrentHashMap<>();

    @AfterEach
    void stopFake() {
        if (fake != null) {
            fake.stop(0);
        }
    }

    @Test
    void theRunningSitePassesWithItsPagesAndStaticFiles() {
        Pages pages = new Pages(api);
        String slug = unique("smoked");
        long id = pages.createUnderHome(slug, "Smoked", Api.textBlock("<p>Hello</p>")).get("id").asLong();
        pages.publish(id);

        Cli.Result result = Cli.run(Map.of(), "smoke", "http://127.0.0.1:" + port, "/" + slug + "/");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout().lines()).anyMatch(line -> line.matches("OK\\s+200\\s+/\\s+.*"))
                .anyMatch(line -> line.matches("(OK|WARN)\\s+(200|404)\\s+/sitemap\\.xml.*"))
                .anyMatch(line -> line.matches("OK\\s+200\\s+/" + slug + "/\\s+.*"))
                .noneMatch(line -> line.startsWith("FAIL"));
        assertThat(result.lastLine()).startsWith("All ").contains(" checks passed");
    }

    @Test
    void brokenPagesEmptyBodiesAndMissingStaticFilesFailWithOneLineEachAndASummary() throws IOException {
        serve(Map.of(
                "/", html("<link rel=\"stylesheet\" href=\"/static/site.css\"><link rel=\"icon\" href=\"/favicon.ico\">"
                        + "<script src='/static/app.js'></script><img src=\"images/missing.png\" alt=\"\">"
                        + "<img src=\"https://elsewhere.example/logo.png\"><p>Home</p>"),
                "/static/site.css", "200 text/css body{}",
                "/static/app.js", "200 text/javascript ",
                "/sitemap.xml", "200 application/xml " + sitemap("/p1/", "/p2/", "/p3/", "/p4/", "/p5/", "/p6/", "/p7/"),
                "/p1/", html("<p>one</p>"), "/p2/", "500 text/html boom", "/p3/", html("<p>three</p>"),
                "/p4/", html("<p>four</p>"), "/p5/", html("<p>five</p>"), "/empty/", "200 text/html "));

        Cli.Result result = Cli.run(Map.of(), "smoke", base(), "/empty/");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr().strip().lines()).hasSize(1);
        assertThat(result.stderr()).startsWith("floe: smoke failed: 4 of 11 checks failed (")
                .contains("/static/app.js", "/images/missing.png", "/empty/", "/p2/");
        assertThat(result.stdout().lines()).hasSize(11);
        assertThat(result.stdout()).containsSubsequence(
                line("OK", 200, "/") + "  (",
                line("OK", 200, "/static/site.css") + "  (6 bytes)",
                line("FAIL", 200, "/static/app.js") + "  (empty body)",
                line("FAIL", 404, "/images/missing.png") + "  (expected 200)",
                line("OK", 200, "/sitemap.xml") + "  (",
                line("FAIL", 200, "/empty/") + "  (empty body)",
                line("OK", 200, "/p1/") + "  (",
                line("FAIL", 500, "/p2/") + "  (expected 200)");
        assertThat(requested).as("five pages from the sitemap, none from elsewhere, no icons")
                .contains("/p1/", "/p5/").doesNotContain("/p6/", "/p7/", "/favicon.ico", "/logo.png");
    }

    @Test
    void aSiteWithoutASitemapPassesWithAWarningAndHeadersAreSent() throws IOException {
        serve(Map.of("/", html("<p>Home</p>"), "/about/", html("<p>About</p>")));

        Cli.Result result = Cli.run(Map.of(), "smoke", base(), "/about/", "-H", "Host: www.example.com", "--header", "X-Forwarded-Proto: https");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains(line("WARN", 404, "/sitemap.xml") + "  (no sitemap)");
        assertThat(result.lastLine()).isEqualTo("All 3 checks passed (1 warning).");
        assertThat(hostsSeen).containsEntry("/about/", "www.example.com https");
    }

    @Test
    void anUnreachableSiteFails() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Cli.Result result = Cli.run(Map.of(), "smoke", "http://127.0.0.1:" + closed + "/", "--timeout", "2");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).startsWith("FAIL  ---  /  (");
        assertThat(result.stderr().strip()).isEqualTo("floe: smoke failed: 2 of 2 checks failed (/, /sitemap.xml)");
    }

    private static String line(String outcome, int status, String target) {
        return String.format("%-4s  %-3s  %s", outcome, status, target);
    }

    private static String html(String body) {
        return "200 text/html <!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>";
    }

    private static String sitemap(String... paths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        for (String path : paths) {
            xml.append("<url><loc>https://www.example.com").append(path).append("</loc></url>");
        }
        return xml.append("</urlset>").toString();
    }

    private String base() {
        return "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    /** Serves each path's "STATUS TYPE BODY"; anything else is a 404. */
    private void serve(Map<String, String> site) throws IOException {
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requested.add(path);
            hostsSeen.put(path, exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"));
            String spec = site.get(path);
            int status = spec == null ? 404 : Integer.parseInt(spec.substring(0, 3));
            String rest = spec == null ? "text/plain not here" : spec.substring(4);
            int space = rest.indexOf(' ');
            byte[] body = rest.substring(space + 1).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", rest.substring(0, space));
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        fake.start();
    }
}
