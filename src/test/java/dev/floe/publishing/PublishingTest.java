package dev.floe.publishing;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

@Import(PublishingTest.FailingListener.class)
class PublishingTest extends FloeIntegrationTest {

    Pages pages;

    @Autowired
    FailingListener failing;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aDraftOnlyPageIsNotFoundByThePublic() {
        String slug = unique("draft-only");
        JsonNode page = pages.createUnderHome(slug, "Secret plans", textBlock("<p>Not yet</p>"));

        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v2/pages/" + page.get("id").asLong() + "/").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/v2/pages/?path=/" + slug + "/").json().get("meta").get("total").asInt()).isZero();
        assertThat(page.get("live").asBoolean()).isFalse();
        assertThat(page.get("has_unpublished_changes").asBoolean()).isTrue();
    }

    @Test
    void editingChangesOnlyTheDraftUntilPublished() {
        String slug = unique("edited");
        JsonNode page = pages.createUnderHome(slug, "First title", textBlock("<p>First words</p>"));
        long id = page.get("id").asLong();
        JsonNode published = pages.publish(id);
        assertThat(published.get("live").asBoolean()).isTrue();

        JsonNode edited = pages.edit(id, published.get("version").asInt(),
                Map.of("title", "Second title", "slots", Map.of("main", List.of(textBlock("<p>Second words</p>")))));
        assertThat(edited.get("has_unpublished_changes").asBoolean()).isTrue();

        String html = anonymous.get("/" + slug + "/").body();
        assertThat(html).contains("First title", "First words").doesNotContain("Second");
        assertThat(anonymous.get("/api/v2/pages/" + id + "/").json().get("title").asString()).isEqualTo("First title");
        assertThat(pages.draft(id).get("title").asString()).isEqualTo("Second title");

        pages.publish(id);
        assertThat(anonymous.get("/" + slug + "/").body()).contains("Second title", "Second words");
        assertThat(pages.draft(id).get("has_unpublished_changes").asBoolean()).isFalse();
    }

    @Test
    void aPublishThatFailsPartWayLeavesTheLiveVersionUntouched() {
        String slug = unique("interrupted");
        long id = pages.createUnderHome(slug, "Live words", textBlock("<p>Live</p>")).get("id").asLong();
        int version = pages.publish(id).get("version").asInt();
        pages.edit(id, version, Map.of("title", "Broken words"));

        failing.failFor(id);
        try {
            var response = api.post("/api/v2/pages/" + id + "/publish/", Map.of());
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.json().get("error").asString()).contains("nothing was changed");
        } finally {
            failing.failFor(-1);
        }

        assertThat(anonymous.get("/" + slug + "/").body()).contains("Live words").doesNotContain("Broken words");
        JsonNode draft = pages.draft(id);
        assertThat(draft.get("title").asString()).isEqualTo("Broken words");
        assertThat(draft.get("has_unpublished_changes").asBoolean()).isTrue();
        long publishedRevisions = api.get("/api/v2/pages/" + id + "/revisions/").json().get("items").valueStream()
                .filter(r -> r.get("kind").asString().equals("published")).count();
        assertThat(publishedRevisions).as("the failed publish left no revision behind").isEqualTo(1);
    }

    @Test
    void unpublishTakesThePageAndItsDescendantsOffThePublicSite() {
        String slug = unique("section");
        long parent = pages.createUnderHome(slug, "Section", textBlock("<p>Section</p>")).get("id").asLong();
        pages.publish(parent);
        long child = pages.create(parent, "child", "Child", textBlock("<p>Child</p>")).get("id").asLong();
        pages.publish(child);
        assertThat(anonymous.get("/" + slug + "/child/").status()).isEqualTo(200);

        var response = api.post("/api/v2/pages/" + parent + "/unpublish/", Map.of());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("live").asBoolean()).isFalse();

        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);
        assertThat(anonymous.get("/" + slug + "/child/").status()).isEqualTo(404);
        assertThat(pages.draft(child).get("live").asBoolean()).isFalse();
    }

    @Test
    void publishingUnderAnUnpublishedParentIsRefused() {
        long parent = pages.createUnderHome(unique("unpublished-parent"), "Parent", textBlock("<p>x</p>")).get("id").asLong();
        long child = pages.create(parent, "child", "Child", textBlock("<p>y</p>")).get("id").asLong();

        var response = api.post("/api/v2/pages/" + child + "/publish/", Map.of());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("error").asString()).contains("publish it first");
    }

    @Test
    void revertToLiveDiscardsTheDraft() {
        long id = pages.createUnderHome(unique("revert"), "Kept", textBlock("<p>Kept</p>")).get("id").asLong();
        int version = pages.publish(id).get("version").asInt();
        pages.edit(id, version, Map.of("title", "Discarded"));

        var response = api.post("/api/v2/pages/" + id + "/revert/", Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("title").asString()).isEqualTo("Kept");
        assertThat(response.json().get("has_unpublished_changes").asBoolean()).isFalse();
    }

    @Test
    void revertingAPageThatWasNeverPublishedIsRefused() {
        long id = pages.createUnderHome(unique("never"), "Never live", textBlock("<p>x</p>")).get("id").asLong();

        var response = api.post("/api/v2/pages/" + id + "/revert/", Map.of());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("error").asString()).contains("never been published");
    }

    @Test
    void theHomePageExistsAndIsLiveFromTheFirstStart() {
        var response = anonymous.get("/api/v2/pages/?path=/");
        JsonNode home = response.json().get("items").get(0);
        assertThat(home.get("path").asString()).isEqualTo("/");
        assertThat(home.get("live").asBoolean()).isTrue();
        assertThat(anonymous.get("/").status()).isEqualTo(200);
    }

    /** Fails publication of one chosen page, to interrupt a publish after its writes have been made. */
    @TestConfiguration
    static class FailingListener {
        private volatile long pageId = -1;

        void failFor(long id) {
            pageId = id;
        }

        @EventListener
        void on(PagePublished event) {
            if (event.pageId() == pageId) {
                throw new IllegalStateException("simulated failure while publishing");
            }
        }
    }
}
