package dev.floe.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: JSON in and out, with or without a bearer token. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final int port;
    private final String token;

    public Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public Api withToken(String other) {
        return new Api(port, other);
    }

    /** A response: status, headers and body, with the body parsed as JSON when it is JSON. */
    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Response patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", publisher(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends a body exactly as given, with the given content type. */
    public Response sendRaw(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public String url(String path) {
        return path.startsWith("http") ? path : "http://127.0.0.1:" + port + path;
    }

    public static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json(body));
    }

    /** Builds a text block for a slot. */
    public static Map<String, Object> textBlock(String html) {
        return Map.of("type", "text", "value", Map.of("html", html));
    }

    public static Map<String, Object> slots(Object... blocks) {
        return Map.of("main", List.of(blocks));
    }
}
