package dev.floe.api;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v2/pages/}: filtered by type, parent and path, trimmed by fields, paged by limit and offset. */
class PageListingTest extends FloeIntegrationTest {

    Pages pages;
    String sectionSlug;
    long section;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        sectionSlug = unique("listed");
        section = pages.createUnderHome(sectionSlug, "Listed", textBlock("<p>Listed</p>")).get("id").asLong();
        pages.publish(section);
    }

    @Test
    void aParentFilterListsItsChildrenInTheOrderEditorsGaveThem() {
        long first = child("first", "layout_page");
        long second = child("second", "layout_page");
        long third = child("third", "layout_page");
        api.post("/api/v2/pages/" + third + "/move/", Map.of("parent", section, "position", 0));

        JsonNode list = api.get("/api/v2/pages/?draft=true&parent=" + section).json();

        assertThat(ids(list)).containsExactly(third, first, second);
        assertThat(list.get("meta").get("total").asLong()).isEqualTo(3);
        assertThat(list.get("items").valueStream().map(p -> p.get("parent").asLong())).containsOnly(section);
    }

    @Test
    void aTypeFilterListsOnlyPagesOfThatType() {
        child("plain", "layout_page");
        long listing = child("news", "listing_page");

        JsonNode ofSection = api.get("/api/v2/pages/?draft=true&type=listing_page&parent=" + section).json();
        JsonNode everywhere = api.get("/api/v2/pages/?draft=true&limit=100&type=layout_page").json();

        assertThat(ids(ofSection)).containsExactly(listing);
        assertThat(everywhere.get("items").valueStream().map(p -> p.get("type").asString())).isNotEmpty().containsOnly("layout_page");
        assertThat(api.get("/api/v2/pages/?type=no_such_type").status()).as("no such type: refused, not an empty list").isEqualTo(400);
    }

    @Test
    void aPathFilterFindsThePageAtThatPathWithOrWithoutItsSlashes() {
        long news = child("news", "layout_page");
        child("newsletter", "layout_page");

        for (String path : List.of("/" + sectionSlug + "/news/", sectionSlug + "/news", "/" + sectionSlug + "/news")) {
            JsonNode list = api.get("/api/v2/pages/?draft=true&path=" + path).json();
            assertThat(ids(list)).as(path).containsExactly(news);
        }
        assertThat(api.get("/api/v2/pages/?draft=true&path=/" + sectionSlug + "/new/").json().get("meta").get("total").asInt()).isZero();
    }

    @Test
    void fieldsLimitsTheKeysOfEachPageButAlwaysKeepsTheId() {
        child("trimmed", "layout_page");

        JsonNode list = api.get("/api/v2/pages/?draft=true&fields=title,%20slug&parent=" + section).json();
        JsonNode single = anonymous.get("/api/v2/pages/" + section + "/?fields=path").json();

        assertThat(list.get("items").get(0).propertyNames()).containsExactlyInAnyOrder("id", "title", "slug");
        assertThat(list.get("items").get(0).get("slug").asString()).isEqualTo("trimmed");
        assertThat(single.propertyNames()).containsExactlyInAnyOrder("id", "path");
        assertThat(anonymous.get("/api/v2/pages/" + section + "/").json().propertyNames())
                .contains("id", "parent", "type", "title", "slug", "path", "layout", "fields", "slots", "version", "live",
                        "has_unpublished_changes", "go_live_at", "expire_at");
    }

    @Test
    void limitAndOffsetPageThroughTheListWhileMetaGivesTheTotal() {
        List<Long> made = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            made.add(child("item-" + i, "layout_page"));
        }
        String list = "/api/v2/pages/?draft=true&parent=" + section;

        List<Long> seen = new ArrayList<>();
        for (int offset = 0; offset < 5; offset += 2) {
            JsonNode page = api.get(list + "&limit=2&offset=" + offset).json();
            assertThat(page.get("meta").get("total").asInt()).isEqualTo(5);
            assertThat(page.get("meta").get("limit").asInt()).isEqualTo(2);
            assertThat(page.get("meta").get("offset").asInt()).isEqualTo(offset);
            seen.addAll(ids(page));
        }
        JsonNode beyond = api.get(list + "&limit=2&offset=10").json();
        JsonNode countOnly = api.get(list + "&limit=0").json();

        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("meta").get("total").asInt()).isEqualTo(5);
        assertThat(countOnly.get("items").size()).isZero();
        assertThat(countOnly.get("meta").get("total").asInt()).isEqualTo(5);
    }

    @Test
    void aLimitOrOffsetOutOfRangeIsRefusedWith400() {
        for (String query : List.of("limit=101", "limit=-1", "limit=ten", "limit=2.5", "offset=-1", "offset=first",
                "parent=home", "parent=0", "draft=maybe")) {
            JsonNode error = assertRefused(api.get("/api/v2/pages/?" + query), 400);
            String name = query.substring(0, query.indexOf('='));
            assertThat(error.get("error").asString()).as(query).startsWith(name);
        }
        assertThat(api.get("/api/v2/pages/?limit=100").status()).isEqualTo(200);
    }

    @Test
    void aQueryParameterTheAddressDoesNotTakeOrAnUnknownTypeIsRefusedWith400() {
        JsonNode misspelt = assertRefused(api.get("/api/v2/pages/?parnet=" + section), 400);
        JsonNode unknownType = assertRefused(api.get("/api/v2/pages/?type=articel"), 400);
        JsonNode onAnImage = assertRefused(anonymous.get("/api/v2/images/?order=title"), 400);
        JsonNode onOnePage = assertRefused(api.get("/api/v2/pages/" + section + "/?draft=true&feilds=title"), 400);

        assertThat(misspelt.get("error").asString()).isEqualTo("This address does not take the query parameter 'parnet'; "
                + "it takes draft, fields, limit, offset, parent, path, type.");
        assertThat(unknownType.get("error").asString()).startsWith("type must be a page type, not 'articel' (types: ").contains("article");
        assertThat(onAnImage.get("error").asString()).contains("'order'", "limit, offset");
        assertThat(onOnePage.get("error").asString()).contains("'feilds'", "it takes draft, fields.");
        assertThat(api.get("/api/v2/pages/?type=article&parent=" + section).status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v2/no-such-thing/?x=1").status()).as("an unknown address stays a 404").isEqualTo(404);
    }

    @Test
    void anonymousCallersListOnlyLiveContent() {
        long live = child("live", "layout_page");
        pages.publish(live);
        pages.edit(live, pages.draft(live).get("version").asInt(), Map.of("title", "Unpublished title"));
        child("draft-only", "layout_page");

        JsonNode list = anonymous.get("/api/v2/pages/?parent=" + section).json();
        JsonNode withTokenButNotDraft = api.get("/api/v2/pages/?parent=" + section).json();

        assertThat(ids(list)).containsExactly(live);
        assertThat(list.get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("title").asString()).isEqualTo("live");
        assertThat(list.get("items").get(0).has("draft_saved_by")).as("no draft details for the public").isFalse();
        assertThat(withTokenButNotDraft).isEqualTo(list);
        assertThat(anonymous.get("/api/v2/pages/?path=/" + sectionSlug + "/draft-only/").json().get("meta").get("total").asInt()).isZero();
    }

    @Test
    void draftsAreListedWithTheirDraftContentForATokenAskingForThem() {
        long live = child("live", "layout_page");
        pages.publish(live);
        pages.edit(live, pages.draft(live).get("version").asInt(), Map.of("title", "Unpublished title"));
        long draftOnly = child("draft-only", "layout_page");

        JsonNode list = api.get("/api/v2/pages/?draft=true&parent=" + section).json();

        assertThat(ids(list)).containsExactly(live, draftOnly);
        assertThat(list.get("items").get(0).get("title").asString()).isEqualTo("Unpublished title");
        assertThat(list.get("items").get(0).get("has_unpublished_changes").asBoolean()).isTrue();
        assertThat(list.get("items").get(1).get("live").asBoolean()).isFalse();
        assertThat(list.get("items").get(1).get("draft_saved_by").asString()).isEqualTo("editor@floe.test");
    }

    @Test
    void aPageIdThatIsNotAPositiveNumberIsRefusedWith400() {
        for (String id : List.of("abc", "0", "-1", "1.5")) {
            JsonNode error = assertRefused(api.get("/api/v2/pages/" + id + "/"), 400);
            assertThat(error.get("error").asString()).as(id).contains("'" + id + "'");
            assertRefused(api.patch("/api/v2/pages/" + id + "/", Map.of("version", 1, "title", "x")), 400);
            assertRefused(api.post("/api/v2/pages/" + id + "/publish/", Map.of()), 400);
        }
        assertRefused(api.get("/api/v2/pages/" + section + "/revisions/first/"), 400);
    }

    @Test
    void aPageIdThatNoPageHasIsNotFound() {
        String at = "/api/v2/pages/987654321/";
        List<Api.Response> responses = List.of(
                anonymous.get(at), api.get(at + "?draft=true"),
                api.patch(at, Map.of("version", 1, "title", "x")),
                api.post(at + "publish/", Map.of()), api.post(at + "unpublish/", Map.of()), api.post(at + "revert/", Map.of()),
                api.post(at + "move/", Map.of("parent", section)), api.get(at + "revisions/"),
                api.post(at + "preview-link/", Map.of()));

        for (Api.Response response : responses) {
            JsonNode error = assertRefused(response, 404);
            assertThat(error.get("error").asString()).as(response.raw().request().method() + " " + response.raw().uri()).contains("987654321");
        }
        assertRefused(anonymous.get("/api/v2/pages/" + childUnpublished() + "/"), 404);
    }

    private long childUnpublished() {
        return child(unique("hidden"), "layout_page");
    }

    private long child(String slug, String type) {
        Api.Response response = api.post("/api/v2/pages/", Map.of("parent", section, "type", type, "title", slug, "slug", slug));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static List<Long> ids(JsonNode list) {
        return list.get("items").valueStream().map(p -> p.get("id").asLong()).toList();
    }
}
