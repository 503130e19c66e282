package dev.floe.sharedcontent;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** Shared content: blocks edited in one place through the API and shown on every page that places them. */
class SharedContentTest extends FloeIntegrationTest {

    private static final String PATH = "/api/v2/shared-content/";

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void sharedContentIsCreatedListedReadChangedAndDeletedWithAToken() {
        String name = name("opening-hours");
        JsonNode created = create(name, "Opening hours", text("<p>Daily 9–5</p>"));
        long id = created.get("id").asLong();

        JsonNode listed = api.get(PATH + "?limit=500").json();
        JsonNode read = api.get(PATH + id + "/").json();
        JsonNode renamed = patch(id, Map.of("title", "Opening times"));

        assertThat(created.get("name").asString()).isEqualTo(name);
        assertThat(created.get("blocks").get(0).get("value").get("html").asString()).isEqualTo("<p>Daily 9–5</p>");
        assertThat(created.get("updated_by").asString()).isEqualTo("editor@floe.test");
        assertThat(listed.get("meta").get("total").asLong()).isPositive();
        assertThat(listed.get("items").valueStream().map(i -> i.get("name").asString())).contains(name);
        assertThat(read).isEqualTo(created);
        assertThat(renamed.get("title").asString()).isEqualTo("Opening times");
        assertThat(renamed.get("blocks")).isEqualTo(created.get("blocks"));
        assertThat(api.delete(PATH + id + "/").status()).isEqualTo(204);
        assertRefused(api.get(PATH + id + "/"), 404);
        assertRefused(api.delete(PATH + id + "/"), 404);
    }

    @Test
    void everySharedContentCallNeedsAToken() {
        long id = create(name("private"), "Private", text("<p>x</p>")).get("id").asLong();

        assertThat(anonymous.get(PATH).status()).isEqualTo(401);
        assertThat(anonymous.get(PATH + id + "/").status()).isEqualTo(401);
        assertThat(anonymous.post(PATH, Map.of("name", name("x"), "title", "X", "blocks", List.of())).status()).isEqualTo(401);
        assertThat(anonymous.patch(PATH + id + "/", Map.of("title", "Y")).status()).isEqualTo(401);
        assertThat(anonymous.delete(PATH + id + "/").status()).isEqualTo(401);
        assertThat(api.get(PATH + id + "/").json().get("title").asString()).isEqualTo("Private");
    }

    @Test
    void sharedContentNeedsAUniqueNameATitleAndValidBlocks() {
        String taken = name("taken");
        create(taken, "Taken", text("<p>x</p>"));

        JsonNode nothing = assertRefused(api.post(PATH, Map.of()), 422);
        JsonNode badName = assertRefused(api.post(PATH, Map.of("name", "Opening Hours!", "title", "x".repeat(301))), 422);
        JsonNode duplicate = assertRefused(api.post(PATH, Map.of("name", taken, "title", "Again")), 422);
        JsonNode badBlocks = assertRefused(api.post(PATH, Map.of("name", name("bad"), "title", "Bad", "blocks", List.of(
                Map.of("type", "quote", "value", Map.of()), Map.of("type", "no_such_block", "value", Map.of())))), 422);
        JsonNode unknownKey = assertRefused(api.post(PATH, Map.of("name", name("extra"), "title", "Extra", "colour", "red")), 422);
        JsonNode notAList = assertRefused(api.post(PATH, Map.of("name", name("list"), "title", "List", "blocks", "text")), 422);

        assertThat(detailFields(nothing)).containsExactly("name", "title");
        assertThat(detailFields(badName)).containsExactly("name", "title");
        assertThat(duplicate.get("error").asString()).contains("there is already shared content named '" + taken + "'");
        assertThat(badBlocks.get("details").valueStream().map(d -> d.get("message").asString()).toList())
                .anySatisfy(m -> assertThat(m).contains("block 1 (quote)", "text", "required"))
                .anySatisfy(m -> assertThat(m).contains("there is no block type 'no_such_block'"));
        assertThat(detailFields(unknownKey)).containsExactly("colour");
        assertThat(notAList.get("error").asString()).contains("must be a list of blocks");
    }

    @Test
    void sharedContentCannotPlaceSharedContent() {
        long inner = create(name("inner"), "Inner", text("<p>inner</p>")).get("id").asLong();

        JsonNode error = assertRefused(api.post(PATH, Map.of("name", name("outer"), "title", "Outer",
                "blocks", List.of(placed(inner)))), 422);

        assertThat(error.get("error").asString()).contains("does not accept shared_content blocks");
    }

    @Test
    void thePagesThatPlaceSharedContentShowItsBlocksAndEveryChangeAtOnce() {
        long shared = create(name("notice"), "Notice", text("<p>Closed on <strong>Monday</strong></p>"),
                Map.of("type", "quote", "value", Map.of("text", "Back soon"))).get("id").asLong();
        String first = unique("first");
        String second = unique("second");
        pages.publish(pages.createUnderHome(first, "First", text("<p>Page one</p>"), placed(shared)).get("id").asLong());
        pages.publish(pages.createUnderHome(second, "Second", placed(shared)).get("id").asLong());

        String before = anonymous.get("/" + first + "/").body();
        patch(shared, Map.of("blocks", List.of(text("<p>Open every day</p>"))));
        String afterFirst = anonymous.get("/" + first + "/").body();
        String afterSecond = anonymous.get("/" + second + "/").body();

        assertThat(before).contains("<p>Page one</p>", "<div class=\"block-shared-content shared-content-notice-",
                "<p>Closed on <strong>Monday</strong></p>", "<blockquote><p>Back soon</p></blockquote>");
        assertThat(afterFirst).contains("<p>Open every day</p>").doesNotContain("Closed on", "Back soon");
        assertThat(afterSecond).contains("<p>Open every day</p>");
    }

    @Test
    void hostileBlocksInSharedContentAreSanitizedOrEscapedOnThePage() {
        long shared = create(name("hostile"), "<script>steal()</script>",
                text("<p onclick=\"steal()\">Hi<script>steal()</script><a href=\"javascript:steal()\">x</a></p>"),
                Map.of("type", "heading", "value", Map.of("text", "<img src=x onerror=steal()>"))).get("id").asLong();
        String slug = unique("hostile-shared");
        pages.publish(pages.createUnderHome(slug, "Hostile", placed(shared)).get("id").asLong());

        String html = anonymous.get("/" + slug + "/").body();

        assertThat(html).contains("<p>Hi", "&lt;img src=x onerror=steal()&gt;");
        assertThat(html).doesNotContain("<script", "onclick", "javascript:", "<img");
    }

    @Test
    void aPageMayPlaceOnlySharedContentThatExists() {
        JsonNode missing = assertRefused(api.post("/api/v2/pages/", page(unique("missing"), placed(987_654_321))), 422);
        JsonNode notAnId = assertRefused(api.post("/api/v2/pages/", page(unique("not-an-id"),
                Map.of("type", "shared_content", "value", Map.of("shared_content", "opening-hours")))), 422);

        assertThat(detailFields(missing)).containsExactly("shared_content");
        assertThat(missing.get("error").asString()).contains("refers to shared content 987654321, which does not exist");
        assertThat(detailFields(notAnId)).containsExactly("shared_content");
    }

    @Test
    void sharedContentThatPagesPlaceCannotBeDeletedAndTheRefusalNamesThePages() {
        long shared = create(name("in-use"), "In use", text("<p>x</p>")).get("id").asLong();
        JsonNode live = pages.createUnderHome(unique("live"), "Live", placed(shared));
        pages.publish(live.get("id").asLong());
        JsonNode draft = pages.createUnderHome(unique("draft"), "Draft", placed(shared));

        JsonNode refused = assertRefused(api.delete(PATH + shared + "/"), 409);

        assertThat(refused.get("error").asString()).contains("is used on 2 pages", live.get("path").asString(),
                draft.get("path").asString(), "remove it from them first");
        assertThat(refused.get("details").valueStream().map(d -> d.get("page").asLong()))
                .containsExactlyInAnyOrder(live.get("id").asLong(), draft.get("id").asLong());
        assertThat(api.get(PATH + shared + "/").status()).isEqualTo(200);

        pages.edit(draft.get("id").asLong(), 1, Map.of("slots", Map.of("main", List.of())));
        JsonNode stillLive = assertRefused(api.delete(PATH + shared + "/"), 409);
        assertThat(stillLive.get("error").asString()).contains("is used on 1 page (" + live.get("path").asString() + ")");

        JsonNode liveDraft = pages.draft(live.get("id").asLong());
        pages.edit(live.get("id").asLong(), liveDraft.get("version").asInt(), Map.of("slots", Map.of("main", List.of())));
        assertThat(assertRefused(api.delete(PATH + shared + "/"), 409).get("error").asString())
                .as("the live version still shows it until published").contains("is used on 1 page");
        pages.publish(live.get("id").asLong());
        assertThat(api.delete(PATH + shared + "/").status()).isEqualTo(204);
    }

    private JsonNode create(String name, String title, Object... blocks) {
        Api.Response response = api.post(PATH, Map.of("name", name, "title", title, "blocks", List.of(blocks)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode patch(long id, Map<String, Object> changes) {
        Api.Response response = api.patch(PATH + id + "/", changes);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Map<String, Object> page(String slug, Object... blocks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parent", pages.homeId());
        body.put("type", "layout_page");
        body.put("title", "Placing");
        body.put("slug", slug);
        body.put("slots", Map.of("main", List.of(blocks)));
        return body;
    }

    private static Map<String, Object> placed(long id) {
        return Map.of("type", "shared_content", "value", Map.of("shared_content", id));
    }

    private static Map<String, Object> text(String html) {
        return Map.of("type", "text", "value", Map.of("html", html));
    }

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
