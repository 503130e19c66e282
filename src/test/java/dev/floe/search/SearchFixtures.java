package dev.floe.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import dev.floe.support.Api;
import tools.jackson.databind.JsonNode;

/** Pages made through the API, and searches that wait for the outbox to deliver an update to the index. */
final class SearchFixtures {

    static final Duration INDEXING_WAIT = Duration.ofSeconds(60);

    private final Api api;

    SearchFixtures(Api api) {
        this.api = api;
    }

    /** A made-up word no other test uses, of letters only so that analyzers keep it whole. */
    static String word() {
        StringBuilder w = new StringBuilder("zq");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    static Map<String, Object> text(String html) {
        return Map.of("type", "text", "value", Map.of("html", html));
    }

    long homeId() {
        return api.get("/api/v2/pages/?path=/").json().get("items").get(0).get("id").asLong();
    }

    JsonNode create(long parent, String type, String title, Map<String, Object> fields, Object... blocks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parent", parent);
        body.put("type", type);
        body.put("title", title);
        body.put("slug", word());
        body.put("fields", fields);
        body.put("slots", Map.of("main", List.of(blocks)));
        Api.Response response = api.post("/api/v2/pages/", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    String path(long id) {
        return api.get("/api/v2/pages/" + id + "/?draft=true").json().get("path").asString();
    }

    long publishedPage(String title, String html) {
        return publishedPage(title, Map.of(), html);
    }

    long publishedPage(String title, Map<String, Object> fields, String html) {
        long id = create(homeId(), "layout_page", title, fields, text(html)).get("id").asLong();
        publish(id);
        return id;
    }

    void publish(long id) {
        Api.Response response = api.post("/api/v2/pages/" + id + "/publish/", Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    void unpublish(long id) {
        Api.Response response = api.post("/api/v2/pages/" + id + "/unpublish/", Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    void editDraft(long id, Map<String, Object> changes) {
        int version = api.get("/api/v2/pages/" + id + "/?draft=true").json().get("version").asInt();
        Map<String, Object> body = new LinkedHashMap<>(changes);
        body.put("version", version);
        Api.Response response = api.patch("/api/v2/pages/" + id + "/", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The JSON search API's answer. */
    JsonNode search(Api client, String query) {
        Api.Response response = client.get("/api/v2/search/?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Searches until the answer satisfies {@code condition} (the outbox delivers updates within moments). */
    JsonNode awaitSearch(Api client, String query, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + INDEXING_WAIT.toNanos();
        JsonNode last;
        do {
            last = search(client, query);
            if (condition.test(last)) {
                return last;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("The search " + query + " did not come to the expected answer within " + INDEXING_WAIT + ": " + last);
    }

    static Predicate<JsonNode> finds(long id) {
        return body -> ids(body).contains(id);
    }

    static List<Long> ids(JsonNode body) {
        return body.get("items").valueStream().map(item -> item.get("id").asLong()).toList();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
