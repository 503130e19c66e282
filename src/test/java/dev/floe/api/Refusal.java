package dev.floe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.floe.support.Api;
import tools.jackson.databind.JsonNode;

/** What a refused API request looks like to its caller: a status and {@code {"error": sentence, "details": [...]}}. */
public final class Refusal {

    private Refusal() {
    }

    /** Asserts the status and the error shape, and returns the error body. */
    public static JsonNode assertRefused(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of " + response.body()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).as(response.body()).containsExactlyInAnyOrder("error", "details");
        assertThat(body.get("error").asString()).as("the error is a sentence").isNotBlank().endsWith(".");
        assertThat(body.get("details").isArray()).as(response.body()).isTrue();
        return body;
    }

    /** The {@code field} of every detail, in order. */
    public static List<String> detailFields(JsonNode error) {
        return error.get("details").valueStream().map(d -> d.path("field").asString(null)).toList();
    }
}
