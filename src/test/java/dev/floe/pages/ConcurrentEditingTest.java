package dev.floe.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

class ConcurrentEditingTest extends FloeIntegrationTest {

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aSaveBasedOnAStaleVersionIsRefusedNamingWhoSavedLastAndWhen() {
        long id = pages.createUnderHome(unique("stale"), "Shared").get("id").asLong();
        JsonNode first = pages.edit(id, 1, Map.of("title", "First editor's title"));

        Api.Response late = api.patch("/api/v2/pages/" + id + "/", Map.of("version", 1, "title", "Second editor's title"));

        assertThat(late.status()).isEqualTo(409);
        JsonNode error = late.json();
        assertThat(error.get("error").asString()).contains("editor@floe.test", "version 2");
        assertThat(error.get("details").get(0).get("saved_by").asString()).isEqualTo("editor@floe.test");
        assertThat(error.get("details").get(0).get("saved_at").asString()).isEqualTo(first.get("draft_saved_at").asString());
        assertThat(error.get("details").get(0).get("current_version").asInt()).isEqualTo(2);
        assertThat(pages.draft(id).get("title").asString()).isEqualTo("First editor's title");
    }

    @Test
    void ofManySimultaneousSavesOnTheSameVersionExactlyOneWins() throws Exception {
        long id = pages.createUnderHome(unique("race"), "Raced").get("id").asLong();
        int editors = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> saves = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String title = "Title from editor " + i;
            saves.add(() -> {
                start.await();
                return api.patch("/api/v2/pages/" + id + "/", Map.of("version", 1, "title", title)).status();
            });
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(editors)) {
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> save : saves) {
                futures.add(pool.submit(save));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(editors - 1);
        JsonNode draft = pages.draft(id);
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v2/pages/" + id + "/revisions/").json().get("items").size()).isEqualTo(2);
    }

    @Test
    void publishingWithAStaleVersionIsRefused() {
        long id = pages.createUnderHome(unique("publish-stale"), "Draft").get("id").asLong();
        pages.edit(id, 1, Map.of("title", "Changed meanwhile"));

        Api.Response response = api.post("/api/v2/pages/" + id + "/publish/", Map.of("version", 1));

        assertThat(response.status()).isEqualTo(409);
        assertThat(pages.draft(id).get("live").asBoolean()).isFalse();
    }
}
