package dev.floe.pages;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

class RevisionsTest extends FloeIntegrationTest {

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void everySaveMakesARevisionWithItsAuthorTimeAndContent() {
        long id = pages.createUnderHome(unique("history"), "One", textBlock("<p>one</p>")).get("id").asLong();
        pages.edit(id, 1, Map.of("title", "Two"));
        pages.edit(id, 2, Map.of("title", "Three"));

        JsonNode revisions = api.get("/api/v2/pages/" + id + "/revisions/").json().get("items");

        assertThat(revisions.size()).isEqualTo(3);
        assertThat(revisions.get(0).get("version").asInt()).isEqualTo(3);
        assertThat(revisions.get(0).get("kind").asString()).isEqualTo("saved");
        assertThat(revisions.get(2).get("kind").asString()).isEqualTo("created");
        assertThat(revisions.get(0).get("author").asString()).isEqualTo("editor@floe.test");
        assertThat(revisions.get(0).get("created_at").asString()).endsWith("Z");
        long oldest = revisions.get(2).get("id").asLong();
        JsonNode first = api.get("/api/v2/pages/" + id + "/revisions/" + oldest + "/").json();
        assertThat(first.get("title").asString()).isEqualTo("One");
    }

    @Test
    void anyRevisionCanBeRestoredAsTheDraft() {
        long id = pages.createUnderHome(unique("restore"), "Original", textBlock("<p>original words</p>")).get("id").asLong();
        long original = api.get("/api/v2/pages/" + id + "/revisions/").json().get("items").get(0).get("id").asLong();
        pages.publish(id);
        pages.edit(id, pages.draft(id).get("version").asInt(),
                Map.of("title", "Rewritten", "slots", Map.of("main", List.of(textBlock("<p>new words</p>")))));

        Api.Response restored = api.post("/api/v2/pages/" + id + "/revisions/" + original + "/restore/", Map.of());

        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        JsonNode draft = restored.json();
        assertThat(draft.get("title").asString()).isEqualTo("Original");
        assertThat(draft.get("slots").get("main").get(0).get("value").get("html").asString()).contains("original words");
        JsonNode latest = api.get("/api/v2/pages/" + id + "/revisions/").json().get("items").get(0);
        assertThat(latest.get("kind").asString()).isEqualTo("restored");
        assertThat(anonymous.get("/api/v2/pages/" + id + "/").json().get("title").asString())
                .as("restoring changes the draft, not the live page").isEqualTo("Original");
    }

    @Test
    void twoRevisionsCanBeComparedFieldByField() {
        long id = pages.createUnderHome(unique("compare"), "Before", textBlock("<p>same</p>"), textBlock("<p>old</p>"))
                .get("id").asLong();
        pages.edit(id, 1, Map.of("title", "After",
                "slots", Map.of("main", List.of(textBlock("<p>same</p>"), textBlock("<p>new</p>"), textBlock("<p>added</p>")))));
        JsonNode revisions = api.get("/api/v2/pages/" + id + "/revisions/").json().get("items");
        long newer = revisions.get(0).get("id").asLong();
        long older = revisions.get(1).get("id").asLong();

        JsonNode changes = api.get("/api/v2/pages/" + id + "/revisions/compare/?from=" + older + "&to=" + newer).json().get("changes");

        List<String> fields = changes.valueStream().map(c -> c.get("field").asString()).toList();
        assertThat(fields).containsExactly("title", "slots.main[1]", "slots.main[2]");
        assertThat(changes.get(0).get("before").asString()).isEqualTo("Before");
        assertThat(changes.get(0).get("after").asString()).isEqualTo("After");
        assertThat(changes.get(2).get("before").isNull()).isTrue();
    }

    @Test
    void aRevisionOfAnotherPageIsNotFound() {
        long a = pages.createUnderHome(unique("a"), "A").get("id").asLong();
        long b = pages.createUnderHome(unique("b"), "B").get("id").asLong();
        long revisionOfB = api.get("/api/v2/pages/" + b + "/revisions/").json().get("items").get(0).get("id").asLong();

        assertThat(api.get("/api/v2/pages/" + a + "/revisions/" + revisionOfB + "/").status()).isEqualTo(404);
        assertThat(api.post("/api/v2/pages/" + a + "/revisions/" + revisionOfB + "/restore/", Map.of()).status()).isEqualTo(404);
    }
}
