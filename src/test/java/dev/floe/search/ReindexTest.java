package dev.floe.search;

import static dev.floe.search.SearchFixtures.q;
import static dev.floe.search.SearchFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.floe.support.Cli;
import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Rebuilding the index: every page comes back, and searches answer in full all the while. */
class ReindexTest extends FloeIntegrationTest {

    @Autowired
    SearchIndexer indexer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void searchesKeepAnsweringInFullWhileTheIndexIsRebuilt() throws Exception {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        for (int i = 0; i < 30; i++) {
            pages.publishedPage("Reindexed " + i + " " + w, "<p>Body " + i + "</p>");
        }
        pages.awaitSearch(anonymous, q(w), body -> body.get("meta").get("total").asLong() == 30);

        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> totals = new CopyOnWriteArrayList<>();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Thread searcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                var response = anonymous.get("/api/v2/search/?" + q(w));
                statuses.add(response.status());
                if (response.status() == 200) {
                    totals.add(response.json().get("meta").get("total").asLong());
                }
            }
        });
        List<Long> progress = new CopyOnWriteArrayList<>();
        SearchIndexer.Report report;
        try {
            report = indexer.reindex((done, total) -> progress.add(done), java.time.Duration.ofMinutes(2));
        } finally {
            running.set(false);
            searcher.join();
        }
        assertThat(report.pages()).isGreaterThanOrEqualTo(30).isEqualTo(countPages());
        assertThat(progress).isNotEmpty();
        assertThat(statuses).isNotEmpty().containsOnly(200);
        assertThat(totals).as("every search during the rebuild found all 30 pages").containsOnly(30L);
        JsonNode after = pages.search(anonymous, q(w));
        assertThat(after.get("meta").get("total").asLong()).isEqualTo(30);
    }

    @Test
    void aPageEditedDuringTheRebuildIsFoundAsEditedAfterIt() throws Exception {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        for (int i = 0; i < 20; i++) {
            pages.publishedPage("Busy " + i + " " + w, "<p>Body " + i + "</p>");
        }
        long edited = pages.publishedPage("Before the rebuild " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), body -> body.get("meta").get("total").asLong() == 21);
        String during = word();
        var rebuild = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> indexer.reindex((done, total) -> { }, java.time.Duration.ofMinutes(2)));
        pages.editDraft(edited, Map.of("title", "Edited during the rebuild " + during + " " + w));
        pages.publish(edited);
        rebuild.get(3, java.util.concurrent.TimeUnit.MINUTES);
        pages.awaitSearch(anonymous, q(during), SearchFixtures.finds(edited));
        assertThat(pages.search(anonymous, q(w)).get("meta").get("total").asLong()).isEqualTo(21);
    }

    @Test
    void aDocumentWhosePageIsGoneIsRemovedByTheRebuild() {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        long id = pages.publishedPage("Orphan " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), SearchFixtures.finds(id));
        // Deleting behind Hibernate's back leaves the index out of step, as a restored backup would.
        jdbc.update("delete from page where id = ?", id);
        SearchIndexer.Report report = indexer.reindex((done, total) -> { }, java.time.Duration.ofMinutes(2));
        assertThat(report.removed()).isGreaterThanOrEqualTo(1);
        pages.awaitSearch(anonymous, q(w), body -> body.get("meta").get("total").asLong() == 0);
    }

    @Test
    void floeReindexBesideARunningInstanceIsCarriedOutByIt() {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        long id = pages.publishedPage("Command line " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), SearchFixtures.finds(id));
        Cli.Result result = Cli.run(Map.of(), "reindex");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Reindexing: ").containsPattern("Reindexed [0-9]+ page\\(s\\)");
        // Its own last report, not its last line: the command takes part in processing the outbox while it runs, and
        // a warning of that (an event for a page another test deleted behind Hibernate's back) may be logged after it.
        assertThat(result.stdout().lines().filter(line -> line.startsWith("Reindexed ")).reduce((first, second) -> second))
                .hasValueSatisfying(report -> assertThat(report).startsWith("Reindexed " + countPages() + " page(s)"));
        assertThat(pages.search(anonymous, q(w)).get("meta").get("total").asLong()).isEqualTo(1);
    }

    private long countPages() {
        return jdbc.queryForObject("select count(*) from page", Long.class);
    }
}
