package dev.floe.site;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

class PublicSiteTest extends FloeIntegrationTest {

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void theNotFoundPageIsEditableContent() {
        String missing = "/" + unique("missing") + "/";
        assertThat(anonymous.get(missing).body()).contains("Page not found", missing);

        Api.Response saved = api.put("/api/v2/response-pages/404/", Map.of("title", "Lost at sea",
                "slots", Map.of("main", List.of(textBlock("<p>Try the <a href=\"/\">harbour</a>.</p>")))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        try {
            Api.Response response = anonymous.get(missing);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains("Lost at sea", "Try the <a href=\"/\"", "harbour</a>.").doesNotContain("canonical");
        } finally {
            api.put("/api/v2/response-pages/404/", Map.of("title", "Page not found", "slots", Map.of("main", List.of())));
        }
        assertThat(api.put("/api/v2/response-pages/418/", Map.of("title", "Teapot")).status()).isEqualTo(422);
        assertThat(api.put("/api/v2/response-pages/404/", Map.of("title", "x", "slots", Map.of("main",
                List.of(Map.of("type", "raw_html", "value", Map.of("html", "<b>x</b>")))))).status()).isEqualTo(422);
    }

    @Test
    void pagesCarrySeoAndOpenGraphFieldsInTheirHead() {
        String slug = unique("seo");
        long id = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "layout_page", "title", "Plain title",
                "slug", slug, "fields", Map.of("seo_title", "Search title", "seo_description", "What this page is about",
                        "og_image", "https://cdn.example.org/card.jpg"))).json().get("id").asLong();
        pages.publish(id);

        String html = anonymous.get("/" + slug + "/").body();

        assertThat(html).contains("<title>Search title · Floe</title>",
                "<meta name=\"description\" content=\"What this page is about\">",
                "<link rel=\"canonical\" href=\"http://localhost/" + slug + "/\">",
                "<meta property=\"og:title\" content=\"Search title\">",
                "<meta property=\"og:image\" content=\"https://cdn.example.org/card.jpg\">");
    }

    @Test
    void anUnchangedPageAnswers304ToAConditionalGet() {
        String slug = unique("etag");
        long id = pages.createUnderHome(slug, "Tagged", textBlock("<p>Same</p>")).get("id").asLong();
        pages.publish(id);

        Api.Response first = anonymous.get("/" + slug + "/");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        Api.Response again = anonymous.send(anonymous.request("/" + slug + "/").header("If-None-Match", etag).GET());
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        pages.edit(id, pages.draft(id).get("version").asInt(), Map.of("title", "Changed"));
        pages.publish(id);
        Api.Response changed = anonymous.send(anonymous.request("/" + slug + "/").header("If-None-Match", etag).GET());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("Changed");
    }

    @Test
    void visitorsNeverSeeAStackTrace() {
        Api.Response response = anonymous.get("/api/v2/pages/%00/");
        assertThat(response.body()).doesNotContain("Exception", "at dev.floe", "at org.springframework");
    }
}
