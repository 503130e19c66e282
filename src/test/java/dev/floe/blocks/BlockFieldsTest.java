package dev.floe.blocks;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.api.PageState;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** Each kind of block field accepts only values that make sense for it, and says which value in which block is wrong. */
class BlockFieldsTest extends FloeIntegrationTest {

    Pages pages;
    String slug;
    long page;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        slug = unique("fields");
        page = pages.createUnderHome(slug, "Fields", textBlock("<p>Before</p>")).get("id").asLong();
    }

    @Test
    void aUrlFieldRefusesJavascriptDataAndMalformedUrls() {
        PageState before = PageState.of(api, page);

        for (String url : List.of("javascript:steal()", "JavaScript:steal()", "  javascript:steal()", "java\tscript:steal()",
                "data:text/html;base64,PHNjcmlwdD5zdGVhbCgpPC9zY3JpcHQ+", "vbscript:steal()", "https://example.org/\" onmouseover=\"steal()",
                "example.org/no-scheme")) {
            JsonNode error = assertRefused(save(callToAction(url)), 422);
            JsonNode detail = error.get("details").get(0);
            assertThat(detail.get("field").asString()).as(url).isEqualTo("url");
            assertThat(detail.get("block_type").asString()).isEqualTo("call_to_action");
            assertThat(error.get("error").asString()).contains("must be an http(s), mailto or tel URL");
        }
        JsonNode redirect = assertRefused(api.post("/api/v2/pages/", Map.of("parent", page, "type", "redirect_page",
                "title", "Away", "slug", "away", "fields", Map.of("target_url", "javascript:steal()"))), 422);

        assertThat(detailFields(redirect)).containsExactly("target_url");
        assertThat(PageState.of(api, page)).isEqualTo(before);
        assertThat(PageState.childCount(api, page)).isZero();
    }

    @Test
    void aUrlFieldKeepsWebMailPhoneAndSiteAddressesAndThePageLinksToThem() {
        for (String url : List.of("https://example.org/a?b=c#d", "http://example.org", "/about-us/", "mailto:hello@example.org",
                "tel:+44 20 7946 0000", "#contact")) {
            Api.Response saved = save(callToAction(url));
            assertThat(saved.status()).as(url + ": " + saved.body()).isEqualTo(200);
            assertThat(saved.json().get("slots").get("main").get(0).get("value").get("url").asString()).isEqualTo(url);
        }
        save(callToAction("  https://example.org/trimmed  "));
        pages.publish(page);

        assertThat(anonymous.get("/" + slug + "/").body()).contains("href=\"https://example.org/trimmed\"");
    }

    @Test
    void faqItemsAreCheckedOneByOneAndEachProblemNamesItsItem() {
        PageState before = PageState.of(api, page);
        Map<String, Object> good = Map.of("question", "Why?", "answer", "<p>Because.</p>");
        Map<String, Object> extra = new LinkedHashMap<>(good);
        extra.put("colour", "red");

        JsonNode error = assertRefused(save(faq(List.of(good, Map.of("answer", "<p>No question</p>"),
                Map.of("question", "Numeric?", "answer", 5), "just a string", extra,
                Map.of("question", "Empty answer?", "answer", "<script>steal()</script>")))), 422);

        assertThat(detailFields(error)).containsExactly("items[1].question", "items[2].answer", "items[3]", "items[4].colour",
                "items[5].answer");
        assertThat(error.get("details").valueStream().map(d -> d.get("block_type").asString())).containsOnly("faq");
        assertThat(error.get("error").asString()).contains("slot 'main', block 1 (faq), field 'items[1].question'", "required",
                "and 4 more problems");
        assertThat(detailFields(assertRefused(save(faq(List.of())), 422))).containsExactly("items");
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aPageReferenceMustNameAPageThatExists() {
        PageState before = PageState.of(api, page);
        long other = pages.createUnderHome(unique("target"), "Target").get("id").asLong();

        JsonNode missing = assertRefused(save(Map.of("type", "page_link", "value", Map.of("page", 987_654_321))), 422);
        JsonNode notAnId = assertRefused(save(Map.of("type", "page_link", "value", Map.of("page", String.valueOf(other)))), 422);
        JsonNode inCallToAction = assertRefused(save(Map.of("type", "call_to_action", "value",
                Map.of("title", "Go", "button_label", "Go", "page", 987_654_321))), 422);
        JsonNode redirect = assertRefused(api.post("/api/v2/pages/", Map.of("parent", page, "type", "redirect_page",
                "title", "Away", "slug", "away", "fields", Map.of("target_page", 987_654_321))), 422);

        assertThat(detailFields(missing)).containsExactly("page");
        assertThat(missing.get("error").asString()).contains("refers to page 987654321, which does not exist");
        assertThat(detailFields(notAnId)).containsExactly("page");
        assertThat(detailFields(inCallToAction)).containsExactly("page");
        assertThat(detailFields(redirect)).containsExactly("target_page");
        assertThat(PageState.of(api, page)).isEqualTo(before);
        assertThat(PageState.childCount(api, page)).isZero();
        Api.Response linked = save(Map.of("type", "page_link", "value", Map.of("page", other)));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("slots").get("main").get(0).get("value").get("page").asLong()).isEqualTo(other);
    }

    @Test
    void aChoiceFieldAcceptsOnlyTheChoicesItOffers() {
        PageState before = PageState.of(api, page);

        for (Object level : List.of("h1", "H2", 2, List.of("h2"))) {
            JsonNode error = assertRefused(save(Map.of("type", "heading", "value", Map.of("text", "Title", "level", level))), 422);
            assertThat(detailFields(error)).as(String.valueOf(level)).containsExactly("level");
            assertThat(error.get("error").asString()).contains("must be one of h2, h3, h4");
        }
        assertThat(PageState.of(api, page)).isEqualTo(before);
        Api.Response saved = save(Map.of("type", "heading", "value", Map.of("text", "Title", "level", "h3")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("slots").get("main").get(0).get("value").get("level").asString()).isEqualTo("h3");
    }

    @Test
    void aSuperuserMayAddRawHtmlWhichIsPublishedExactlyAsWritten() {
        String raw = "<div class=\"embed\" data-source=\"partner\"><script>window.partnerWidget = true;</script></div>";

        Api.Response saved = save(Map.of("type", "raw_html", "value", Map.of("html", raw)));
        pages.publish(page);

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("slots").get("main").get(0).get("value").get("html").asString()).isEqualTo(raw);
        assertThat(anonymous.get("/" + slug + "/").body()).contains(raw);
    }

    private Api.Response save(Object block) {
        int version = pages.draft(page).get("version").asInt();
        return api.patch("/api/v2/pages/" + page + "/", Map.of("version", version, "slots", Map.of("main", List.of(block))));
    }

    private static Map<String, Object> callToAction(String url) {
        return Map.of("type", "call_to_action", "value", Map.of("title", "Act", "button_label", "Go", "url", url));
    }

    private static Map<String, Object> faq(List<?> items) {
        return Map.of("type", "faq", "value", Map.of("title", "Questions", "items", items));
    }
}
