package dev.floe.api;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** Published content is public to read; drafts, history and every change need a valid bearer token. */
class ApiAuthenticationTest extends FloeIntegrationTest {

    Pages pages;
    long page;
    long revision;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        page = pages.createUnderHome(unique("guarded"), "Guarded", textBlock("<p>Guarded</p>")).get("id").asLong();
        revision = api.get("/api/v2/pages/" + page + "/revisions/").json().get("items").get(0).get("id").asLong();
    }

    @Test
    void everyWriteWithoutATokenIsRefusedWith401AndChangesNothing() {
        PageState before = PageState.of(api, page);
        String at = "/api/v2/pages/" + page + "/";
        List<HttpRequest.Builder> writes = List.of(
                json(anonymous.request("/api/v2/pages/"), "POST", Map.of("parent", pages.homeId(), "type", "layout_page",
                        "title", "Anonymous", "slug", unique("anonymous"))),
                json(anonymous.request(at), "PATCH", Map.of("version", 1, "title", "Defaced")),
                json(anonymous.request(at + "publish/"), "POST", Map.of()),
                json(anonymous.request(at + "unpublish/"), "POST", Map.of()),
                json(anonymous.request(at + "revert/"), "POST", Map.of()),
                json(anonymous.request(at + "move/"), "POST", Map.of("parent", pages.homeId(), "position", 0)),
                json(anonymous.request(at + "schedule/"), "POST", Map.of("go_live_at", "2030-01-01T09:00:00Z")),
                json(anonymous.request(at + "revisions/" + revision + "/restore/"), "POST", Map.of()),
                json(anonymous.request(at + "preview-link/"), "POST", Map.of()),
                anonymous.request(at + "publish/").POST(HttpRequest.BodyPublishers.noBody()));

        for (HttpRequest.Builder write : writes) {
            HttpRequest request = write.build();
            Api.Response response = anonymous.send(write);
            JsonNode error = assertRefused(response, 401);
            assertThat(error.get("error").asString()).as(request.method() + " " + request.uri()).contains("Authorization: Bearer");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }

        assertThat(PageState.of(api, page)).isEqualTo(before);
        assertThat(before.draft().get("live").asBoolean()).isFalse();
    }

    @Test
    void anAuthorizationHeaderThatIsNotABearerTokenIsRefusedWith401() {
        for (String header : List.of("Basic ZWRpdG9yQGZsb2UudGVzdDphIGxvbmcgZW5vdWdoIHBhc3N3b3Jk", "Token abc", "floe_abc")) {
            Api.Response onRead = anonymous.send(anonymous.request("/api/v2/pages/").header("Authorization", header).GET());
            Api.Response onWrite = anonymous.send(json(anonymous.request("/api/v2/pages/" + page + "/publish/"), "POST", Map.of())
                    .header("Authorization", header));

            assertThat(assertRefused(onRead, 401).get("error").asString()).as(header).contains("Bearer <token>");
            assertRefused(onWrite, 401);
        }
        assertThat(pages.draft(page).get("live").asBoolean()).isFalse();
    }

    @Test
    void anUnknownTokenIsRefusedWith401EvenWhereNoTokenIsNeeded() {
        for (String token : List.of("floe_" + "A".repeat(40), "not-even-shaped-like-a-token", "floe_")) {
            Api.Response list = api.withToken(token).get("/api/v2/pages/?path=/");
            Api.Response types = api.withToken(token).get("/api/v2/page-types/");
            Api.Response publish = api.withToken(token).post("/api/v2/pages/" + page + "/publish/", Map.of());

            assertThat(assertRefused(list, 401).get("error").asString()).as(token).contains("token is not valid");
            assertRefused(types, 401);
            assertRefused(publish, 401);
        }
        assertThat(pages.draft(page).get("live").asBoolean()).isFalse();
    }

    @Test
    void draftsAndRevisionsWithoutATokenAreRefusedWith401() {
        pages.publish(page);
        String at = "/api/v2/pages/" + page + "/";

        for (String path : List.of(at + "?draft=true", "/api/v2/pages/?draft=true", "/api/v2/pages/?draft=1&parent=" + pages.homeId(),
                at + "revisions/", at + "revisions/" + revision + "/", at + "revisions/compare/?from=" + revision + "&to=" + revision)) {
            JsonNode error = assertRefused(anonymous.get(path), 401);
            assertThat(error.get("error").asString()).as(path).contains("Bearer");
        }
        assertThat(anonymous.get(at).status()).as("the live page itself is public").isEqualTo(200);
    }

    @Test
    void aValidTokenReadsDraftsAndHistoryAndMakesChanges() {
        assertThat(api.get("/api/v2/pages/" + page + "/?draft=true").json().get("title").asString()).isEqualTo("Guarded");
        assertThat(api.get("/api/v2/pages/" + page + "/revisions/").json().get("meta").get("total").asInt()).isEqualTo(1);

        JsonNode edited = pages.edit(page, 1, Map.of("title", "Guarded, edited"));
        JsonNode published = pages.publish(page);

        assertThat(edited.get("draft_saved_by").asString()).isEqualTo("editor@floe.test");
        assertThat(published.get("live").asBoolean()).isTrue();
        assertThat(anonymous.get("/api/v2/pages/" + page + "/").json().get("title").asString()).isEqualTo("Guarded, edited");
    }

    private static HttpRequest.Builder json(HttpRequest.Builder builder, String method, Object body) {
        return builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Api.json(body)));
    }
}
