package dev.floe.api;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** Content that breaks its page type's schema is refused with every problem located, and nothing is stored. */
class PageContentValidationTest extends FloeIntegrationTest {

    Pages pages;
    long section;
    long page;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        section = pages.createUnderHome(unique("schema"), "Schema").get("id").asLong();
        page = pages.create(section, "existing", "Before", textBlock("<p>Before</p>")).get("id").asLong();
    }

    @Test
    void anUnknownPageTypeIsRefusedNamingTheTypesThereAre() {
        JsonNode error = assertRefused(api.post("/api/v2/pages/", newPage("blog-post", Map.of("type", "blog_post"))), 422);

        assertThat(detailFields(error)).containsExactly("type");
        assertThat(error.get("error").asString()).contains("'blog_post'", "layout_page", "listing_page");
        assertThat(PageState.childCount(api, section)).isEqualTo(1);
    }

    @Test
    void anUnknownBlockTypeIsRefusedNamingSlotBlockPositionAndType() {
        PageState before = PageState.of(api, page);

        Api.Response response = editSlots(textBlock("<p>fine</p>"), Map.of("type", "video", "value", Map.of("src", "x")));

        JsonNode error = assertRefused(response, 422);
        JsonNode detail = error.get("details").get(0);
        assertThat(detail.get("slot").asString()).isEqualTo("main");
        assertThat(detail.get("block").asInt()).as("0-based position").isEqualTo(1);
        assertThat(detail.get("block_type").asString()).isEqualTo("video");
        assertThat(error.get("error").asString()).contains("slot 'main', block 2 (video)", "no block type 'video'");
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aBlockFieldOfTheWrongTypeIsRefusedNamingSlotBlockAndField() {
        PageState before = PageState.of(api, page);

        Api.Response response = editSlots(textBlock("<p>fine</p>"), textBlock("<p>also fine</p>"),
                Map.of("type", "heading", "value", Map.of("text", 42, "level", "h2")));

        JsonNode error = assertRefused(response, 422);
        JsonNode detail = error.get("details").get(0);
        assertThat(detail.get("slot").asString()).isEqualTo("main");
        assertThat(detail.get("block").asInt()).isEqualTo(2);
        assertThat(detail.get("block_type").asString()).isEqualTo("heading");
        assertThat(detail.get("field").asString()).isEqualTo("text");
        assertThat(error.get("error").asString()).contains("slot 'main', block 3 (heading), field 'text'", "must be text");
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aBlockWithoutARequiredFieldIsRefused() {
        PageState before = PageState.of(api, page);

        JsonNode missing = assertRefused(editSlots(Map.of("type", "quote", "value", Map.of("attribution", "Someone"))), 422);
        JsonNode blank = assertRefused(editSlots(Map.of("type", "quote", "value", Map.of("text", "   "))), 422);
        JsonNode noValue = assertRefused(editSlots(Map.of("type", "quote")), 422);

        for (JsonNode error : List.of(missing, blank, noValue)) {
            assertThat(detailFields(error)).containsExactly("text");
            assertThat(error.get("error").asString()).contains("block 1 (quote)", "field 'text'", "required");
        }
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aBlockTypeTheSlotDoesNotAcceptIsRefusedNamingWhatItAccepts() {
        long listing = createOk(newPage("news", Map.of("type", "listing_page"))).get("id").asLong();
        PageState before = PageState.of(api, listing);

        Api.Response response = api.patch("/api/v2/pages/" + listing + "/", Map.of("version", 1,
                "slots", Map.of("main", List.of(Map.of("type", "horizontal_rule", "value", Map.of())))));

        JsonNode error = assertRefused(response, 422);
        assertThat(error.get("details").get(0).get("block_type").asString()).isEqualTo("horizontal_rule");
        assertThat(error.get("error").asString()).contains("does not accept horizontal_rule",
                "text, heading, quote, call_to_action");
        assertThat(PageState.of(api, listing)).isEqualTo(before);
    }

    @Test
    void aSlotThePageTypeDoesNotHaveIsRefusedNamingTheSlotsItHas() {
        PageState before = PageState.of(api, page);

        JsonNode error = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1,
                "slots", Map.of("sidebar", List.of(textBlock("<p>aside</p>"))))), 422);

        assertThat(error.get("details").get(0).get("slot").asString()).isEqualTo("sidebar");
        assertThat(error.get("error").asString()).contains("slot 'sidebar'", "no such slot", "main");
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aPageTypeWithoutSlotsSaysSoWhenGivenBlocks() {
        JsonNode error = assertRefused(api.post("/api/v2/pages/", newPage("elsewhere", Map.of("type", "redirect_page",
                "fields", Map.of("target_url", "https://example.org/"),
                "slots", Map.of("main", List.of(textBlock("<p>x</p>")))))), 422);

        assertThat(error.get("error").asString()).contains("slot 'main'", "no such slot").doesNotContain("slots: )");
        assertThat(PageState.childCount(api, section)).isEqualTo(1);
    }

    @Test
    void aTitleOverFiveHundredCharactersIsRefusedButFiveHundredFit() {
        PageState before = PageState.of(api, page);

        JsonNode tooLong = assertRefused(api.post("/api/v2/pages/", newPage("long", Map.of("title", "t".repeat(501)))), 422);
        JsonNode editTooLong = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1, "title", "t".repeat(501))), 422);
        JsonNode blank = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1, "title", "  ")), 422);

        assertThat(detailFields(tooLong)).containsExactly("title");
        assertThat(tooLong.get("error").asString()).contains("501 characters", "at most 500");
        assertThat(detailFields(editTooLong)).containsExactly("title");
        assertThat(detailFields(blank)).containsExactly("title");
        assertThat(PageState.childCount(api, section)).isEqualTo(1);
        assertThat(PageState.of(api, page)).isEqualTo(before);
        assertThat(createOk(newPage("longest", Map.of("title", "t".repeat(500)))).get("title").asString()).hasSize(500);
    }

    @Test
    void aSlugAlreadyUsedBySiblingIsRefusedWith409AndTheOtherPageKeepsIt() {
        PageState before = PageState.of(api, page);
        long sibling = createOk(newPage("sibling", Map.of())).get("id").asLong();
        PageState siblingBefore = PageState.of(api, sibling);

        JsonNode onCreate = assertRefused(api.post("/api/v2/pages/", newPage("existing", Map.of("title", "Usurper"))), 409);
        JsonNode onRename = assertRefused(api.patch("/api/v2/pages/" + sibling + "/", Map.of("version", 1, "slug", "existing")), 409);

        assertThat(onCreate.get("error").asString()).contains("'existing'", "already exists");
        assertThat(onRename.get("error").asString()).contains("'existing'", "already exists");
        assertThat(PageState.childCount(api, section)).isEqualTo(2);
        assertThat(PageState.of(api, page)).isEqualTo(before);
        assertThat(PageState.of(api, sibling)).isEqualTo(siblingBefore);
        assertThat(pages.create(page, "existing", "Same slug, other parent").get("path").asString()).endsWith("/existing/existing/");
    }

    @Test
    void aSlugThatIsNotLowerCaseWordsAndHyphensIsRefusedSayingWhatASlugMayBe() {
        PageState before = PageState.of(api, page);

        for (String slug : List.of("About Us", "about_us", "-about", "about--us", "Über", "a".repeat(256))) {
            Api.Response response = api.post("/api/v2/pages/", newPage(slug, Map.of()));
            assertThat(response.status()).as(slug).isBetween(400, 499);
            JsonNode error = assertRefused(response, response.status());
            assertThat(error.get("error").asString()).as(slug).contains("lower-case letters, digits and", "hyphens");
        }
        Api.Response rename = api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1, "slug", "Not A Slug"));
        assertThat(rename.status()).isBetween(400, 499);
        assertRefused(rename, rename.status());

        assertThat(PageState.childCount(api, section)).isEqualTo(1);
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aParentThatDoesNotExistIsRefusedWith422NamingTheParent() {
        Map<String, Object> orphan = newPage(unique("orphan"), Map.of("parent", 987_654_321));

        JsonNode onCreate = assertRefused(api.post("/api/v2/pages/", orphan), 422);
        JsonNode onMove = assertRefused(api.post("/api/v2/pages/" + page + "/move/", Map.of("parent", 987_654_321)), 422);

        assertThat(detailFields(onCreate)).containsExactly("parent");
        assertThat(onCreate.get("error").asString()).contains("987654321", "does not exist");
        assertThat(detailFields(onMove)).containsExactly("parent");
        assertThat(api.get("/api/v2/pages/?draft=true&path=/" + orphan.get("slug") + "/").json().get("meta").get("total").asInt()).isZero();
        assertThat(pages.draft(page).get("parent").asLong()).isEqualTo(section);
    }

    @Test
    void everyProblemInOneRequestIsListedInTheDetails() {
        PageState before = PageState.of(api, page);

        JsonNode error = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1,
                "title", "t".repeat(600),
                "fields", Map.of("seo_title", "s".repeat(201), "mood", "happy"),
                "slots", Map.of("main", List.of(Map.of("type", "video", "value", Map.of()), Map.of("type", "quote", "value", Map.of()))))), 422);

        assertThat(error.get("details").size()).isEqualTo(5);
        assertThat(detailFields(error)).contains("title", "seo_title", "mood", "text");
        assertThat(error.get("error").asString()).contains("and 4 more problems, see details");
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    private Api.Response editSlots(Object... blocks) {
        return api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1, "slots", Map.of("main", List.of(blocks))));
    }

    private Map<String, Object> newPage(String slug, Map<String, Object> overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parent", section);
        body.put("type", "layout_page");
        body.put("title", "A page");
        body.put("slug", slug);
        body.putAll(overrides);
        return body;
    }

    private JsonNode createOk(Map<String, Object> body) {
        Api.Response response = api.post("/api/v2/pages/", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
