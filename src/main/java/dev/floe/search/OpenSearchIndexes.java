package dev.floe.search;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few index and alias operations of Elasticsearch / OpenSearch that Hibernate Search has no API for, on the
 * layout its Elasticsearch backend uses: an index {@code NAME} is read through the alias {@code NAME-read} and written
 * through {@code NAME-write}, both on a concrete index {@code NAME-000001}, {@code NAME-000002}, …
 */
final class OpenSearchIndexes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;
    private final Optional<String> authorization;

    OpenSearchIndexes(URI address) {
        int port = address.getPort() > 0 ? address.getPort() : "https".equals(address.getScheme()) ? 443 : 9200;
        this.base = address.getScheme() + "://" + address.getHost() + ":" + port;
        this.authorization = Optional.ofNullable(address.getUserInfo())
                .map(user -> "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }

    static String readAlias(String index) {
        return index + "-read";
    }

    static String writeAlias(String index) {
        return index + "-write";
    }

    /** The concrete index an alias points to; empty when the alias does not exist. */
    Optional<String> aliasTarget(String alias) {
        JsonNode body = send("GET", "/_alias/" + encode(alias), null, true);
        if (body == null) {
            return Optional.empty();
        }
        Set<String> indexes = new TreeSet<>(body.propertyNames());
        if (indexes.size() > 1) {
            throw new IllegalStateException("The search alias " + alias + " points to several indexes " + indexes
                    + "; point it to one (POST /_aliases) and run floe reindex again");
        }
        return indexes.stream().findFirst();
    }

    /** Whether a concrete index (not an alias) of this name exists. */
    boolean isConcreteIndex(String name) {
        JsonNode body = send("GET", "/" + encode(name) + "?filter_path=*.settings.index.provided_name", null, true);
        return body != null && body.has(name);
    }

    /** The generations {@code NAME-000001}, {@code NAME-000002}, … of an index that exist, aliased or not. */
    List<String> generations(String index) {
        JsonNode body = send("GET", "/_cat/indices/" + encode(index) + "-*?format=json&h=index&expand_wildcards=all", null, true);
        Pattern generation = Pattern.compile(Pattern.quote(index) + "-\\d{6}");
        List<String> found = new ArrayList<>();
        if (body != null) {
            body.forEach(row -> {
                String name = row.get("index").asString();
                if (generation.matcher(name).matches()) {
                    found.add(name);
                }
            });
        }
        return found.stream().sorted().toList();
    }

    /** The generation after the newest one that exists: {@code NAME-000003} beside {@code NAME-000002}. */
    String nextGeneration(String index) {
        int newest = generations(index).stream().mapToInt(name -> Integer.parseInt(name.substring(name.length() - 6))).max().orElse(0);
        return "%s-%06d".formatted(index, newest + 1);
    }

    /** Creates a concrete index from the request Hibernate Search would send to create its index, minus its aliases. */
    void create(String name, String createRequestBody, Map<String, String> parameters) {
        ObjectNode body = (ObjectNode) JSON.readTree(createRequestBody);
        body.remove("aliases");
        StringBuilder query = new StringBuilder();
        parameters.forEach((key, value) -> query.append(query.isEmpty() ? "?" : "&").append(encode(key)).append('=').append(encode(value)));
        send("PUT", "/" + encode(name) + query, body.toString(), false);
    }

    void delete(String name) {
        send("DELETE", "/" + encode(name), null, true);
    }

    /** Alias changes applied together or not at all: every instance reading or writing through them switches at once. */
    void moveAliases(List<AliasMove> moves) {
        ArrayNode actions = JSON.createArrayNode();
        for (AliasMove move : moves) {
            if (move.replacesIndexOfSameName()) {
                // A write through an alias that had vanished with its index created an index of the alias's name.
                actions.addObject().putObject("remove_index").put("index", move.alias());
            } else if (move.from() != null) {
                actions.addObject().putObject("remove").put("index", move.from()).put("alias", move.alias());
            }
            ObjectNode add = actions.addObject().putObject("add").put("index", move.to()).put("alias", move.alias());
            if (move.alias().endsWith("-write")) {
                add.put("is_write_index", true);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("actions", actions);
        send("POST", "/_aliases", body.toString(), false);
    }

    /** One alias moved from one index (null: from none) to another. */
    record AliasMove(String alias, String from, String to, boolean replacesIndexOfSameName) {
        AliasMove(String alias, String from, String to) {
            this(alias, from, to, false);
        }
    }

    /** The ids of every document in a concrete index, read as its last refresh left it. */
    Set<String> documentIds(String index) {
        send("POST", "/" + encode(index) + "/_refresh", null, false);
        Set<String> ids = new HashSet<>();
        JsonNode page = send("POST", "/" + encode(index) + "/_search?scroll=1m",
                "{\"size\":1000,\"_source\":false,\"sort\":[\"_doc\"],\"query\":{\"match_all\":{}}}", false);
        String scroll = page.path("_scroll_id").asString(null);
        try {
            while (page.path("hits").path("hits").size() > 0) {
                page.path("hits").path("hits").forEach(hit -> ids.add(hit.get("_id").asString()));
                page = send("POST", "/_search/scroll", "{\"scroll\":\"1m\",\"scroll_id\":\"" + scroll + "\"}", false);
                scroll = page.path("_scroll_id").asString(scroll);
            }
        } finally {
            if (scroll != null) {
                send("DELETE", "/_search/scroll", "{\"scroll_id\":\"" + scroll + "\"}", true);
            }
        }
        return ids;
    }

    /**
     * Takes the lease that lets one rebuild run at a time: a document in its own small index, renewed by {@link #renewLease}
     * while the rebuild runs. A lease not renewed for {@code expiry} (its holder was killed) may be taken over.
     * Returns the lease's version to renew it with, or empty when another rebuild holds it.
     */
    Optional<Lease> takeLease(String index, String owner, Duration expiry) {
        String lease = index + "-rebuild-lease";
        if (send("HEAD", "/" + encode(lease), null, true) == null) {
            send("PUT", "/" + encode(lease), "{\"settings\":{\"number_of_shards\":1,\"auto_expand_replicas\":\"0-1\"}}", true, 400);
        }
        String document = "/" + encode(lease) + "/_doc/lease";
        String body = "{\"owner\":\"" + owner + "\",\"renewed\":" + System.currentTimeMillis() + "}";
        JsonNode current = send("GET", document, null, true);
        String condition;
        if (current == null || !current.path("found").asBoolean(false)) {
            condition = "?op_type=create";
        } else if (System.currentTimeMillis() - current.path("_source").path("renewed").asLong(0) > expiry.toMillis()) {
            condition = "?if_seq_no=" + current.get("_seq_no").asLong() + "&if_primary_term=" + current.get("_primary_term").asLong();
        } else {
            return Optional.empty();
        }
        JsonNode written = send("PUT", document + condition + "&refresh=true", body, false, 409);
        return written == null ? Optional.empty() : Optional.of(new Lease(lease, owner, written.get("_seq_no").asLong(), written.get("_primary_term").asLong()));
    }

    /** A lease held, and the version of its document that only its holder may overwrite. */
    record Lease(String index, String owner, long seqNo, long primaryTerm) {
    }

    /** Renews a lease; empty when it was taken over meanwhile (this holder was thought dead). */
    Optional<Lease> renewLease(Lease lease) {
        String body = "{\"owner\":\"" + lease.owner() + "\",\"renewed\":" + System.currentTimeMillis() + "}";
        JsonNode written = send("PUT", "/" + encode(lease.index()) + "/_doc/lease?if_seq_no=" + lease.seqNo() + "&if_primary_term="
                + lease.primaryTerm() + "&refresh=true", body, false, 409);
        return written == null ? Optional.empty() : Optional.of(new Lease(lease.index(), lease.owner(), written.get("_seq_no").asLong(),
                written.get("_primary_term").asLong()));
    }

    void releaseLease(Lease lease) {
        send("DELETE", "/" + encode(lease.index()) + "/_doc/lease?if_seq_no=" + lease.seqNo() + "&if_primary_term=" + lease.primaryTerm(),
                null, true, 409);
    }

    /** Sends a request; a 404 gives null when {@code missingIsFine}, any other failure throws with the server's reason. */
    private JsonNode send(String method, String path, String body, boolean missingIsFine) {
        return send(method, path, body, missingIsFine, 0);
    }

    /** As {@link #send(String, String, String, boolean)}, and a response of status {@code alsoNull} gives null too. */
    private JsonNode send(String method, String path, String body, boolean missingIsFine, int alsoNull) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the search engine at ELASTICSEARCH_ADDRESS (" + method + " " + path + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the search engine", e);
        }
        if ((response.statusCode() == 404 && missingIsFine) || response.statusCode() == alsoNull) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " on the search engine answered " + response.statusCode() + ": "
                    + reason(response.body()));
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private static String reason(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String reason = error.path("reason").asString(null);
            return reason != null ? reason : body.length() > 300 ? body.substring(0, 300) : body;
        } catch (RuntimeException notJson) {
            return body.length() > 300 ? body.substring(0, 300) : body;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
