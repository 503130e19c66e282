package dev.floe.search;

import static dev.floe.search.SearchFixtures.finds;
import static dev.floe.search.SearchFixtures.q;
import static dev.floe.search.SearchFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.floe.support.Cli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rebuild on a real OpenSearch node, where it builds a new index and swaps it in: the tests of {@link ReindexTest}
 * (searches answer in full throughout, an edit made meanwhile is found after the swap), and what happens when a
 * rebuild fails or dies half-way, and that a changed analyzer is live after a rebuild. Its own database and var folder,
 * on the node test classes share (its index names are its own).
 */
class ReindexOnOpenSearchTest extends ReindexTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String searchAddress;
    private static Path varDir;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        if (searchAddress == null) {
            searchAddress = OpenSearchTestNode.sharedAddress();
            varDir = OpenSearchTestNode.newTestFolder("opensearch-reindex-");
        }
        OpenSearchTestNode.registerOwnDatabase(registry, searchAddress, varDir);
        for (String variable : List.of("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD")) {
            registry.add(variable, () -> "");
        }
        registry.add("floe.search.retry-interval", () -> "2s");
    }

    @AfterEach
    void noMoreFailures() {
        indexer.beforeStep = (step, newIndexes) -> { };
    }

    @Test
    @Override
    void floeReindexBesideARunningInstanceIsCarriedOutByIt() {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        long id = pages.publishedPage("Command line " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), finds(id));
        String before = readIndex();
        Cli.Result result = Cli.run(cliEnvironment(), "reindex");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Building the new index ").containsPattern("Reindexed [0-9]+ page\\(s\\)");
        assertThat(readIndex()).isNotEqualTo(before).isEqualTo(writeIndex());
        assertThat(pages.search(anonymous, q(w)).get("meta").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneRuns() {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        long id = pages.publishedPage("Only one rebuild " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), finds(id));
        String old = readIndex();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        indexer.beforeStep = (step, newIndexes) -> {
            if (step.equals("mass-index")) {
                try {
                    indexer.reindex((done, total) -> { }, Duration.ofMinutes(2));
                } catch (RuntimeException e) {
                    refused.add(e);
                }
            }
        };
        indexer.reindex((done, total) -> { }, Duration.ofMinutes(2));
        assertThat(refused).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("Another floe reindex is rebuilding the search index");
        assertThat(readIndex()).isNotEqualTo(old).isEqualTo(writeIndex());
        assertThat(generations()).containsExactly(readIndex());
        assertThat(pages.search(anonymous, q(w)).get("meta").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void floeReindexFailingSaysWhyOnOneLineAndExitsNonZero() {
        String before = readIndex();
        // The server refuses to create indexes, as one out of disk space does.
        http("PUT", "/_cluster/settings", "{\"transient\":{\"cluster.blocks.create_index\":true}}");
        Cli.Result result;
        try {
            result = Cli.run(cliEnvironment(), "reindex");
        } finally {
            http("PUT", "/_cluster/settings", "{\"transient\":{\"cluster.blocks.create_index\":null}}");
        }
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip().lines()).hasSize(1);
        assertThat(result.stderr()).startsWith("floe: The rebuild failed (").contains("the old index serves searches as before");
        assertThat(readIndex()).isEqualTo(before).isEqualTo(writeIndex());
        assertThat(generations()).containsExactly(before);
    }

    @Test
    void aRebuildWhoseNewIndexFailsUnderItLeavesTheOldIndexServingWithEveryEdit() throws Exception {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        for (int i = 0; i < 20; i++) {
            pages.publishedPage("Failing " + i + " " + w, "<p>Body " + i + "</p>");
        }
        long edited = pages.publishedPage("Before the failure " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), body -> body.get("meta").get("total").asLong() == 21);
        String old = readIndex();
        String during = word();
        indexer.beforeStep = (step, newIndexes) -> {
            if (step.equals("mass-index")) {
                // An edit the outbox delivers to the new index only, then a real error from the server: closed indexes.
                pages.editDraft(edited, Map.of("title", "Edited before the failure " + during + " " + w));
                pages.publish(edited);
                awaitOutboxEmpty();
                newIndexes.values().forEach(index -> http("POST", "/" + index + "/_close", null));
            }
        };
        List<Long> totals = searchWhile(w, () -> assertThatThrownBy(() -> indexer.reindex((done, total) -> { }, Duration.ofMinutes(2)))
                .hasMessageStartingWith("The rebuild failed (").hasMessageContaining("the old index serves searches as before"));
        assertThat(totals).as("every search during the failed rebuild found all 21 pages").isNotEmpty().containsOnly(21L);
        assertThat(readIndex()).isEqualTo(old).isEqualTo(writeIndex());
        assertThat(generations()).containsExactly(old);
        pages.awaitSearch(anonymous, q(during), finds(edited));
        assertThat(pages.search(anonymous, q(w)).get("meta").get("total").asLong()).isEqualTo(21);
    }

    @Test
    void aRebuildWhoseNewIndexIsDeletedUnderItLeavesTheOldIndexServingWithEveryEdit() {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        long edited = pages.publishedPage("Before the deletion " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), finds(edited));
        String old = readIndex();
        String during = word();
        indexer.beforeStep = (step, newIndexes) -> {
            if (step.equals("replay")) {
                pages.editDraft(edited, Map.of("title", "Edited before the deletion " + during + " " + w));
                pages.publish(edited);
                awaitOutboxEmpty();
                newIndexes.values().forEach(index -> http("DELETE", "/" + index, null));
            }
        };
        assertThatThrownBy(() -> indexer.reindex((done, total) -> { }, Duration.ofMinutes(2))).hasMessageStartingWith("The rebuild failed (");
        assertThat(readIndex()).isEqualTo(old).isEqualTo(writeIndex());
        assertThat(generations()).containsExactly(old);
        pages.awaitSearch(anonymous, q(during), finds(edited));
    }

    @Test
    void aRebuildKilledHalfWayIsRepairedByTheNextOne() {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        long edited = pages.publishedPage("Before the kill " + w, "<p>x</p>");
        long deleted = pages.publishedPage("Deleted during the kill " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q(w), body -> body.get("meta").get("total").asLong() == 2);
        String old = readIndex();
        String during = word();
        indexer.beforeStep = (step, newIndexes) -> {
            if (step.equals("replay")) {
                pages.editDraft(edited, Map.of("title", "Edited before the kill " + during + " " + w));
                pages.publish(edited);
                pages.unpublish(deleted);
                awaitOutboxEmpty();
                // The process dies here: nothing of the rebuild's own clean-up runs.
                throw new Killed();
            }
        };
        assertThatThrownBy(() -> indexer.reindex((done, total) -> { }, Duration.ofMinutes(2))).isInstanceOf(Killed.class);
        assertThat(readIndex()).isEqualTo(old);
        assertThat(writeIndex()).isNotEqualTo(old);
        assertThat(pages.search(anonymous, q(during)).get("meta").get("total").asLong()).as("the old index missed the edit").isZero();

        indexer.beforeStep = (step, newIndexes) -> { };
        // The next floe reindex starts although the aliases are split (Hibernate Search's schema check would refuse
        // them), and repairs the rebuild before its own.
        Cli.Result result = Cli.run(cliEnvironment(), "reindex");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Repairing a rebuild left half-done").contains("Building the new index ");
        assertThat(readIndex()).isEqualTo(writeIndex()).isNotEqualTo(old);
        assertThat(generations()).containsExactly(readIndex());
        pages.awaitSearch(anonymous, q(during), finds(edited));
        pages.awaitSearch(anonymous, q(w), body -> body.get("meta").get("total").asLong() == 1);
    }

    @Test
    void aChangedAnalyzerIsLiveAfterARebuild() {
        SearchFixtures pages = new SearchFixtures(api);
        String w = word();
        long id = pages.publishedPage("Walking " + w, "<p>x</p>");
        pages.awaitSearch(anonymous, q("walk " + w), finds(id));

        // Put the index on a mapping that differs from the one the code expects: titles no longer stemmed.
        String old = readIndex();
        String outdated = pageIndex() + "-000099";
        JsonNode current = http("GET", "/" + old, null).get(old);
        ObjectNode mappings = (ObjectNode) current.get("mappings");
        for (String field : List.of(SearchMapping.TITLE, SearchMapping.BODY)) {
            ((ObjectNode) mappings.get("properties").get(field)).put("analyzer", "whitespace").remove("search_analyzer");
        }
        ObjectNode create = JSON.createObjectNode();
        create.set("mappings", mappings);
        create.putObject("settings").set("analysis", current.get("settings").get("index").get("analysis"));
        http("PUT", "/" + outdated, create.toString());
        StringBuilder bulk = new StringBuilder();
        http("POST", "/" + old + "/_refresh", null);
        http("GET", "/" + old + "/_search?size=10000", null).get("hits").get("hits").forEach(hit -> bulk
                .append("{\"index\":{\"_id\":\"").append(hit.get("_id").asString()).append("\"}}\n").append(hit.get("_source")).append('\n'));
        http("POST", "/" + outdated + "/_bulk?refresh=true", bulk.toString());
        http("POST", "/_aliases", "{\"actions\":[{\"remove_index\":{\"index\":\"" + old + "\"}},"
                + "{\"add\":{\"index\":\"" + outdated + "\",\"alias\":\"" + pageIndex() + "-read\"}},"
                + "{\"add\":{\"index\":\"" + outdated + "\",\"alias\":\"" + pageIndex() + "-write\",\"is_write_index\":true}}]}");
        assertThat(pages.search(anonymous, q("walk " + w)).get("meta").get("total").asLong()).isZero();
        assertThat(pages.search(anonymous, q("Walking " + w)).get("meta").get("total").asLong()).isEqualTo(1);

        indexer.reindex((done, total) -> { }, Duration.ofMinutes(2));
        assertThat(readIndex()).isEqualTo(pageIndex() + "-000100");
        pages.awaitSearch(anonymous, q("walk " + w), finds(id));
    }

    /** Stands for the process being killed: not an exception the rebuild handles. */
    private static final class Killed extends Error {
        Killed() {
            super("killed");
        }
    }

    private List<Long> searchWhile(String w, Runnable work) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> totals = new CopyOnWriteArrayList<>();
        Thread searcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                var response = anonymous.get("/api/v2/search/?" + q(w));
                totals.add(response.status() == 200 ? response.json().get("meta").get("total").asLong() : -response.status());
            }
        });
        try {
            work.run();
        } finally {
            running.set(false);
            searcher.join();
        }
        return totals;
    }

    private void awaitOutboxEmpty() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jdbc.queryForObject("select count(*) from " + SearchOutbox.EVENT_TABLE, Long.class) > 0) {
            assertThat(System.nanoTime()).as("the outbox is processed").isLessThan(deadline);
            SearchFixtures.sleep(50);
        }
    }

    private String pageIndex() {
        return indexer.pageIndexName();
    }

    private String readIndex() {
        return aliasTarget(pageIndex() + "-read");
    }

    private String writeIndex() {
        return aliasTarget(pageIndex() + "-write");
    }

    private String aliasTarget(String alias) {
        JsonNode body = http("GET", "/_alias/" + alias, null);
        assertThat(body.propertyNames()).hasSize(1);
        return body.propertyNames().iterator().next();
    }

    private List<String> generations() {
        JsonNode rows = http("GET", "/_cat/indices/" + pageIndex() + "-0*?format=json&h=index", null);
        return rows.valueStream().map(row -> row.get("index").asString()).sorted().toList();
    }

    private static Map<String, String> cliEnvironment() {
        return Map.of("ELASTICSEARCH_ADDRESS", searchAddress, "FLOE_VAR_DIR", varDir.toString(),
                "PGHOST", "", "PGPORT", "", "PGDATABASE", "", "PGUSER", "", "PGPASSWORD", "");
    }

    private static JsonNode http(String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(searchAddress + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }


}
