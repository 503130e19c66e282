package dev.floe.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Page fixtures made through the API, as an editor's client would. */
public final class Pages {

    private final Api api;

    public Pages(Api api) {
        this.api = api;
    }

    public long homeId() {
        JsonNode items = api.get("/api/v2/pages/?path=/").json().get("items");
        return items.get(0).get("id").asLong();
    }

    public JsonNode create(long parent, String slug, String title, Object... blocks) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("parent", parent);
        body.put("type", "layout_page");
        body.put("title", title);
        body.put("slug", slug);
        body.put("slots", Map.of("main", List.of(blocks)));
        Api.Response response = api.post("/api/v2/pages/", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    public JsonNode createUnderHome(String slug, String title, Object... blocks) {
        return create(homeId(), slug, title, blocks);
    }

    public JsonNode publish(long id) {
        Api.Response response = api.post("/api/v2/pages/" + id + "/publish/", Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public JsonNode edit(long id, int version, Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>(changes);
        body.put("version", version);
        Api.Response response = api.patch("/api/v2/pages/" + id + "/", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public JsonNode draft(long id) {
        return api.get("/api/v2/pages/" + id + "/?draft=true").json();
    }
}
