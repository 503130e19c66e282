package dev.floe.blocks;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** Whatever HTML a client sends, pages store and show only harmless formatting. */
class RichTextSanitizingTest extends FloeIntegrationTest {

    private static final String HOSTILE = "<h2 onclick=\"steal()\">Heading</h2>"
            + "<p>Plain <strong>bold</strong> <em>italic</em> <a href=\"https://example.org/ok\" onmouseover=\"steal()\">safe link</a></p>"
            + "<script>steal()</script>"
            + "<p><a href=\"javascript:steal()\">js link</a> <a href=\"JaVaScRiPt:steal()\">mixed case</a>"
            + " <a href=\"java&#x09;script:steal()\">entity</a> <a href=\" javascript:steal()\">spaced</a></p>"
            + "<img src=x onerror=\"steal()\"><iframe src=\"https://evil.example/\"></iframe><svg onload=\"steal()\"></svg>"
            + "<ul><li>one</li><li>two</li></ul>"
            + "<style>body{display:none}</style><p style=\"background:url(javascript:steal())\">styled</p>";

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void richTextIsStoredWithItsFormattingButWithoutScriptsHandlersOrJavascriptUrls() {
        JsonNode created = pages.createUnderHome(unique("hostile"), "Hostile", Map.of("type", "faq", "value",
                Map.of("items", List.of(Map.of("question", "Is it safe?", "answer", HOSTILE)))));
        long id = created.get("id").asLong();
        JsonNode edited = pages.edit(id, 1, Map.of("fields", Map.of("intro", HOSTILE),
                "slots", Map.of("main", List.of(textBlock(HOSTILE), created.get("slots").get("main").get(0)))));

        JsonNode draft = pages.draft(id);

        assertThat(edited.get("version").asInt()).isEqualTo(2);
        for (String html : List.of(draft.get("fields").get("intro").asString(),
                draft.get("slots").get("main").get(0).get("value").get("html").asString(),
                draft.get("slots").get("main").get(1).get("value").get("items").get(0).get("answer").asString(),
                created.get("slots").get("main").get(0).get("value").get("items").get(0).get("answer").asString())) {
            assertHarmlessButFormatted(html);
        }
    }

    @Test
    void thePublishedPageShowsTheFormattingButNoScriptsHandlersOrJavascriptUrls() {
        String slug = unique("published-hostile");
        long id = pages.createUnderHome(slug, "Hostile, published", textBlock(HOSTILE)).get("id").asLong();
        pages.edit(id, 1, Map.of("fields", Map.of("intro", HOSTILE)));
        pages.publish(id);

        String live = anonymous.get("/api/v2/pages/" + id + "/").json().get("slots").get("main").get(0).get("value").get("html").asString();
        String html = anonymous.get("/" + slug + "/").body();

        assertHarmlessButFormatted(live);
        assertThat(html).contains("<h2>Heading</h2>", "<strong>bold</strong>", "https://example.org/ok", "<li>one</li>");
        assertThat(html).doesNotContainIgnoringCase("steal").doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("<iframe");
    }

    @Test
    void plainTextFieldsAreShownAsTextNotAsMarkup() {
        String slug = unique("escaped");
        String sneaky = "<script>steal()</script>\"><img src=x onerror=steal()>";
        long id = pages.createUnderHome(slug, sneaky, Map.of("type", "heading", "value", Map.of("text", sneaky)),
                Map.of("type", "quote", "value", Map.of("text", sneaky, "attribution", sneaky))).get("id").asLong();
        pages.edit(id, 1, Map.of("fields", Map.of("seo_description", sneaky)));
        pages.publish(id);

        JsonNode stored = pages.draft(id);
        String html = anonymous.get("/" + slug + "/").body();

        assertThat(stored.get("slots").get("main").get(0).get("value").get("text").asString()).as("text is kept as typed").isEqualTo(sneaky);
        assertThat(html).contains("&lt;script&gt;steal()&lt;/script&gt;");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<img");
    }

    private static void assertHarmlessButFormatted(String html) {
        assertThat(html).contains("<h2>Heading</h2>", "<strong>bold</strong>", "<em>italic</em>", "<li>one</li>", "styled")
                .containsPattern("<a href=\"https://example.org/ok\"[^>]*>safe link</a>");
        assertThat(html).doesNotContainIgnoringCase("steal").doesNotContainIgnoringCase("javascript")
                .doesNotContainIgnoringCase("script>").doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<svg").doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase("style=")
                .doesNotContainPattern("(?i)\\son[a-z]+\\s*=");
    }
}
