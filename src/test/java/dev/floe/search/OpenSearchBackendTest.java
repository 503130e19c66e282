package dev.floe.search;

import static dev.floe.search.SearchFixtures.finds;
import static dev.floe.search.SearchFixtures.ids;
import static dev.floe.search.SearchFixtures.q;
import static dev.floe.search.SearchFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The same mapping on a real OpenSearch node: relevance, drafts kept out, and what visitors see while the node is
 * down (a 503 search page, the rest of the site as usual) and that updates made meanwhile arrive once it is back.
 * This instance has its own database and var folder, so its outbox is its own.
 */
class OpenSearchBackendTest extends FloeIntegrationTest {

    private static OpenSearchTestNode node;
    private static Path varDir;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        if (node == null) {
            node = OpenSearchTestNode.start();
            varDir = OpenSearchTestNode.newTestFolder("opensearch-site-");
        }
        OpenSearchTestNode.registerOwnDatabase(registry, node.address(), varDir);
        registry.add("floe.search.retry-interval", () -> "2s");
    }

    @Autowired
    JdbcTemplate jdbc;

    private SearchFixtures pages;

    @BeforeEach
    void fixtures() {
        pages = new SearchFixtures(api);
    }

    @Test
    void aTitleMatchRanksAboveABodyMatch() {
        String w = word();
        long inBody = pages.publishedPage("Tide tables", "<p>All about the " + w + " and much more besides.</p>");
        long inTitle = pages.publishedPage("The " + w, "<p>Other words.</p>");
        JsonNode found = pages.awaitSearch(anonymous, q(w), body -> ids(body).size() == 2);
        assertThat(ids(found)).containsExactly(inTitle, inBody);
        assertThat(found.get("items").get(1).get("snippet").asString()).contains("<mark>" + w + "</mark>");
    }

    @Test
    void draftsNeverReachPublicResults() {
        String live = word();
        String draft = word();
        long id = pages.publishedPage("Live " + live, "<p>x</p>");
        pages.awaitSearch(anonymous, q(live), finds(id));
        pages.editDraft(id, Map.of("title", "Draft " + draft));
        pages.awaitSearch(api, q(draft) + "&drafts=true", finds(id));
        assertThat(ids(pages.search(anonymous, q(draft)))).isEmpty();
        pages.unpublish(id);
        pages.awaitSearch(anonymous, q(live), body -> ids(body).isEmpty());
    }

    @Test
    void whileTheEngineIsDownSearchSays503AndTheSiteWorksAndUpdatesArriveWhenItIsBack() {
        String before = word();
        long earlier = pages.publishedPage("Before " + before, "<p>x</p>");
        pages.awaitSearch(anonymous, q(before), finds(earlier));
        String path = api.get("/api/v2/pages/" + earlier + "/").json().get("path").asString();

        node.stop();
        try {
            Api.Response searchPage = anonymous.get("/search/?" + q(before));
            assertThat(searchPage.status()).isEqualTo(503);
            assertThat(searchPage.body()).contains("Search is unavailable");
            assertThat(anonymous.get("/api/v2/search/?" + q(before)).status()).isEqualTo(503);
            assertThat(anonymous.get("/search/suggest?q=bef").status()).isEqualTo(503);
            assertThat(anonymous.get("/").status()).isEqualTo(200);
            assertThat(anonymous.get(path).status()).isEqualTo(200);

            String during = word();
            long published = pages.publishedPage("During " + during, "<p>Published while search was down.</p>");
            assertThat(anonymous.get("/api/v2/pages/" + published + "/").status()).isEqualTo(200);
            awaitAnUpdateGivenUp();
            node.startAgain();
            pages.awaitSearch(anonymous, q(during), finds(published));
        } finally {
            node.startAgain();
        }
        assertThat(ids(pages.search(anonymous, q(before)))).isEqualTo(List.of(earlier));
    }

    /**
     * Waits until Hibernate Search has given up an update after its attempts failed (SearchOutbox queues such updates
     * again every 2 s here), so that the update arriving afterwards proves the re-queueing, not a lucky retry.
     */
    private void awaitAnUpdateGivenUp() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject("select count(*) from " + SearchOutbox.EVENT_TABLE + " where status = 'ABORTED'", Long.class) == 0) {
            assertThat(System.nanoTime()).as("an update failed its attempts and was given up").isLessThan(deadline);
            SearchFixtures.sleep(20);
        }
    }
}
