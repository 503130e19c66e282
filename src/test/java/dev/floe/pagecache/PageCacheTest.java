package dev.floe.pagecache;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

class PageCacheTest extends FloeIntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    private long publishedPage(String slug, String text) {
        long id = pages.createUnderHome(slug, "Cached " + slug, textBlock("<p>" + text + "</p>")).get("id").asLong();
        pages.publish(id);
        return id;
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anAnonymousVisitorGetsTheSecondRequestFromTheCacheWithSurrogateKeys() throws Exception {
        String slug = unique("cached");
        long id = publishedPage(slug, "Tide tables");

        HttpResponse<byte[]> first = fetch("/" + slug + "/");
        HttpResponse<byte[]> second = fetch("/" + slug + "/");

        assertThat(first.headers().firstValue("X-Floe-Cache")).hasValue("miss");
        assertThat(second.headers().firstValue("X-Floe-Cache")).hasValue("hit");
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).contains("Tide tables");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Surrogate-Key").orElseThrow().split(" ")).contains("page:" + id);
        assertThat(second.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, must-revalidate");
        assertThat(second.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(second.headers().firstValue("X-Content-Type-Options")).isEqualTo(first.headers().firstValue("X-Content-Type-Options"));
    }

    @Test
    void cachedPagesAreServedPrecompressedAsTheClientAccepts() throws Exception {
        String slug = unique("compressed");
        publishedPage(slug, "Lighthouse keepers ".repeat(100));
        byte[] plain = fetch("/" + slug + "/").body();

        HttpResponse<byte[]> brotli = fetch("/" + slug + "/", "Accept-Encoding", "gzip, deflate, br");
        HttpResponse<byte[]> gzip = fetch("/" + slug + "/", "Accept-Encoding", "gzip, br;q=0");
        HttpResponse<byte[]> identity = fetch("/" + slug + "/", "Accept-Encoding", "identity");

        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(brotli.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        Brotli4jLoader.ensureAvailability();
        assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain);
        assertThat(brotli.body().length).isLessThan(plain.length / 2);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes()).isEqualTo(plain);
        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(identity.body()).isEqualTo(plain);
    }

    @Test
    void aCachedPageAnswersNotModifiedToItsOwnEtag() throws Exception {
        String slug = unique("etag");
        publishedPage(slug, "Buoys");
        String etag = fetch("/" + slug + "/").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> conditional = fetch("/" + slug + "/", "If-None-Match", etag);

        assertThat(conditional.statusCode()).isEqualTo(304);
        assertThat(conditional.headers().firstValue("X-Floe-Cache")).hasValue("hit");
        assertThat(fetch("/" + slug + "/", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void publishingANewVersionReplacesTheCachedPageAtOnce() throws Exception {
        String slug = unique("republished");
        long id = publishedPage(slug, "First edition");
        fetch("/" + slug + "/");
        assertThat(fetch("/" + slug + "/").headers().firstValue("X-Floe-Cache")).hasValue("hit");

        int version = pages.draft(id).get("version").asInt();
        pages.edit(id, version, Map.of("slots", Map.of("main", List.of(textBlock("<p>Second edition</p>")))));
        assertThat(new String(fetch("/" + slug + "/").body(), StandardCharsets.UTF_8)).contains("First edition");
        pages.publish(id);

        HttpResponse<byte[]> after = fetch("/" + slug + "/");
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("Second edition").doesNotContain("First edition");
        assertThat(after.headers().firstValue("X-Floe-Cache")).hasValue("miss");
    }

    @Test
    void unpublishingTakesTheCachedPageDown() throws Exception {
        String slug = unique("unpublished");
        long id = publishedPage(slug, "Short season");
        fetch("/" + slug + "/");
        assertThat(fetch("/" + slug + "/").statusCode()).isEqualTo(200);

        assertThat(api.post("/api/v2/pages/" + id + "/unpublish/", Map.of()).status()).isEqualTo(200);

        assertThat(fetch("/" + slug + "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aParentsChildListingChangesWhenAChildIsPublished() throws Exception {
        String slug = unique("parent");
        long parent = pages.createUnderHome(slug, "Parent", Map.of("type", "child_pages", "value", Map.of())).get("id").asLong();
        pages.publish(parent);
        fetch("/" + slug + "/");
        assertThat(fetch("/" + slug + "/").headers().firstValue("Surrogate-Key").orElseThrow()).contains("tree");

        long child = pages.create(parent, "kid", "Newly arrived child").get("id").asLong();
        pages.publish(child);

        assertThat(new String(fetch("/" + slug + "/").body(), StandardCharsets.UTF_8)).contains("Newly arrived child");
    }

    @Test
    void movingAPageDropsItsCachedCopyAndBothParentsListings() throws Exception {
        String from = unique("from");
        String to = unique("to");
        long oldParent = pages.createUnderHome(from, "Old parent", Map.of("type", "child_pages", "value", Map.of())).get("id").asLong();
        long newParent = pages.createUnderHome(to, "New parent", Map.of("type", "child_pages", "value", Map.of())).get("id").asLong();
        pages.publish(oldParent);
        pages.publish(newParent);
        long child = pages.create(oldParent, "wanderer", "Wandering child").get("id").asLong();
        pages.publish(child);
        for (String path : List.of("/" + from + "/", "/" + to + "/", "/" + from + "/wanderer/")) {
            fetch(path);
            assertThat(fetch(path).headers().firstValue("X-Floe-Cache")).as(path).hasValue("hit");
        }

        assertThat(api.post("/api/v2/pages/" + child + "/move/", Map.of("parent", newParent)).status()).isEqualTo(200);

        assertThat(new String(fetch("/" + from + "/").body(), StandardCharsets.UTF_8)).doesNotContain("Wandering child");
        assertThat(new String(fetch("/" + to + "/").body(), StandardCharsets.UTF_8)).contains("Wandering child");
        HttpResponse<byte[]> oldAddress = fetch("/" + from + "/wanderer/");
        assertThat(oldAddress.statusCode()).as("the old address redirects now").isEqualTo(301);
        assertThat(oldAddress.headers().firstValue("Location")).hasValue("/" + to + "/wanderer/");
        assertThat(fetch("/" + to + "/wanderer/").statusCode()).isEqualTo(200);
    }

    @Test
    void redirectsAreNeverCachedSoAChangedRedirectAnswersAtOnce() throws Exception {
        String old = "/" + unique("old-offer") + "/";
        long id = api.post("/api/v2/redirects/", Map.of("old_path", old, "target_url", "https://example.org/first")).json().get("id").asLong();
        fetch(old);
        HttpResponse<byte[]> second = fetch(old);
        assertThat(second.headers().firstValue("Location")).hasValue("https://example.org/first");
        assertThat(second.headers().firstValue("X-Floe-Cache")).hasValue("bypass");

        api.patch("/api/v2/redirects/" + id + "/", Map.of("target_url", "https://example.org/second"));
        assertThat(fetch(old).headers().firstValue("Location")).hasValue("https://example.org/second");

        String slug = unique("shadowed");
        publishedPage(slug, "A page where a redirect's old path was");
        assertThat(fetch("/" + slug + "/").statusCode()).isEqualTo(200);
        assertThat(fetch("/" + slug + "/").headers().firstValue("X-Floe-Cache")).hasValue("hit");
        api.post("/api/v2/redirects/", Map.of("old_path", "/" + slug + "/", "target_url", "https://example.org/elsewhere"));
        assertThat(fetch("/" + slug + "/").statusCode()).as("a live page wins over a redirect from its path").isEqualTo(200);
    }

    @Test
    void editorsAndUnusualQueriesBypassTheCache() throws Exception {
        String slug = unique("editor");
        publishedPage(slug, "Charts");
        fetch("/" + slug + "/");

        Api.Response editor = api.get("/" + slug + "/");
        assertThat(editor.header("X-Floe-Cache")).isEqualTo("bypass");
        assertThat(fetch("/" + slug + "/", "Cookie", "SESSION=abc").headers().firstValue("X-Floe-Cache")).hasValue("bypass");
        assertThat(fetch("/" + slug + "/?utm=x").headers().firstValue("X-Floe-Cache")).hasValue("bypass");
        assertThat(fetch("/" + unique("nothing-here") + "/").headers().firstValue("X-Floe-Cache")).hasValue("bypass");
        assertThat(fetch("/-/health/live").headers().firstValue("X-Floe-Cache")).hasValue("bypass");
    }

    @Test
    void apiReadsAreCachedAndDropWhenAPageIsPublished() throws Exception {
        String slug = unique("api");
        long id = publishedPage(slug, "Harbour API");
        String path = "/api/v2/pages/" + id + "/";
        fetch(path);
        HttpResponse<byte[]> hit = fetch(path);
        assertThat(hit.headers().firstValue("X-Floe-Cache")).hasValue("hit");
        assertThat(hit.headers().firstValue("Surrogate-Key").orElseThrow()).contains("api");

        int version = pages.draft(id).get("version").asInt();
        pages.edit(id, version, Map.of("title", "Renamed harbour"));
        pages.publish(id);

        assertThat(new String(fetch(path).body(), StandardCharsets.UTF_8)).contains("Renamed harbour");
    }
}
