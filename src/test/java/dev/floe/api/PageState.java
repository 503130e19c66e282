package dev.floe.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.support.Api;
import tools.jackson.databind.JsonNode;

/** A page's draft and history as a token holder sees them, to show that a refused request changed nothing. */
public record PageState(JsonNode draft, JsonNode revisions) {

    public static PageState of(Api api, long id) {
        Api.Response draft = api.get("/api/v2/pages/" + id + "/?draft=true");
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        Api.Response revisions = api.get("/api/v2/pages/" + id + "/revisions/");
        assertThat(revisions.status()).as(revisions.body()).isEqualTo(200);
        return new PageState(draft.json(), revisions.json());
    }

    /** How many pages, drafts included, sit directly under {@code parent}. */
    public static long childCount(Api api, long parent) {
        Api.Response list = api.get("/api/v2/pages/?parent=" + parent + "&draft=true");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("meta").get("total").asLong();
    }
}
