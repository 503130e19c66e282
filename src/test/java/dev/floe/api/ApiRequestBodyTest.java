package dev.floe.api;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** Requests whose body cannot be read as the JSON object the API expects are refused before anything is stored. */
class ApiRequestBodyTest extends FloeIntegrationTest {

    private static final int LIMIT = 2 * 1024 * 1024;

    Pages pages;
    long section;
    long page;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        section = pages.createUnderHome(unique("bodies"), "Bodies").get("id").asLong();
        page = pages.create(section, "existing", "Before", textBlock("<p>Before</p>")).get("id").asLong();
    }

    @Test
    void malformedJsonIsRefusedWith400AndNothingIsStored() {
        PageState before = PageState.of(api, page);
        String validStart = "{\"parent\": " + section + ", \"type\": \"layout_page\", \"title\": \"Half\", \"slug\": \"half\"";

        for (String body : List.of(validStart, validStart + "} trailing", "{'title': 'single quotes'}", "{\"title\": \"x\",}")) {
            JsonNode error = assertRefused(api.sendRaw("POST", "/api/v2/pages/", "application/json", body), 400);
            assertThat(error.get("error").asString()).as(body).contains("not valid JSON").doesNotContain("[Source", "REDACTED");
        }
        assertRefused(api.sendRaw("PATCH", "/api/v2/pages/" + page + "/", "application/json", "{\"version\": 1, \"title\": \"After\""), 400);

        assertThat(PageState.childCount(api, section)).isEqualTo(1);
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedWith400InWordsForPeopleNotJavaTypes() {
        PageState before = PageState.of(api, page);
        String create = Api.json(Map.of("parent", section, "type", "layout_page", "title", "In an array", "slug", "in-array"));

        for (String body : List.of("[" + create + "]", "\"a string\"", "42", "null", "")) {
            JsonNode error = assertRefused(api.sendRaw("POST", "/api/v2/pages/", "application/json", body), 400);
            assertThat(error.get("error").asString()).as(body).contains("JSON object")
                    .doesNotContain("java.", "dev.floe", "LinkedHashMap", "ResponseEntity");
        }
        assertRefused(api.sendRaw("PATCH", "/api/v2/pages/" + page + "/", "application/json", "[{\"version\": 1}]"), 400);

        assertThat(PageState.childCount(api, section)).isEqualTo(1);
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aBodyNotSentAsJsonIsRefusedWith415SayingWhichContentTypeToUse() {
        PageState before = PageState.of(api, page);
        String create = Api.json(Map.of("parent", section, "type", "layout_page", "title", "Typed", "slug", "typed"));

        for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml", null}) {
            JsonNode error = assertRefused(api.sendRaw("POST", "/api/v2/pages/", contentType, create), 415);
            assertThat(error.get("error").asString()).as(String.valueOf(contentType)).contains("Content-Type: application/json");
        }
        assertRefused(api.sendRaw("PATCH", "/api/v2/pages/" + page + "/", "text/plain", "{\"version\": 1, \"title\": \"After\"}"), 415);
        assertRefused(api.sendRaw("POST", "/api/v2/pages/" + page + "/publish/", "text/plain", "{}"), 415);

        assertThat(PageState.childCount(api, section)).isEqualTo(1);
        assertThat(PageState.of(api, page)).isEqualTo(before);
        assertThat(api.sendRaw("POST", "/api/v2/pages/", "application/json; charset=utf-8", create).status())
                .as("JSON with a charset is still JSON").isEqualTo(201);
    }

    @Test
    void aMethodTheAddressDoesNotTakeIsRefusedWith405NamingTheMethodsItTakes() {
        PageState before = PageState.of(api, page);

        // DELETE moves a page to the bin now; PUT is still not taken (a page is changed part by part, with PATCH)
        Api.Response put = api.sendRaw("PUT", "/api/v2/pages/" + page + "/", "application/json", "{\"version\": 1, \"title\": \"Put\"}");
        Api.Response post = api.sendRaw("POST", "/api/v2/pages/" + page + "/", "application/json", "{}");

        assertThat(assertRefused(put, 405).get("error").asString()).contains("PUT", "PATCH");
        assertThat(put.header("Allow")).contains("GET", "PATCH", "DELETE");
        assertRefused(post, 405);
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    @Test
    void aBodyOverTwoMebibytesIsRefusedWith413WhenItsLengthIsDeclared() {
        String body = pageWithTextBlocks("too-big", 420);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(LIMIT);

        JsonNode error = assertRefused(api.sendRaw("POST", "/api/v2/pages/", "application/json", body), 413);

        assertThat(error.get("error").asString()).contains(String.valueOf(LIMIT));
        assertThat(PageState.childCount(api, section)).isEqualTo(1);
    }

    @Test
    void aStreamedBodyOverTwoMebibytesIsRefusedWith413AsItPassesTheLimit() {
        byte[] body = pageWithTextBlocks("streamed", 420).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(LIMIT);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body));
        assertThat(chunked.contentLength()).as("sent chunked, without Content-Length").isNegative();

        JsonNode error = assertRefused(api.send(api.request("/api/v2/pages/").header("Content-Type", "application/json").POST(chunked)), 413);

        assertThat(error.get("error").asString()).contains(String.valueOf(LIMIT));
        assertThat(PageState.childCount(api, section)).isEqualTo(1);
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted() {
        String body = pageWithTextBlocks("just-fits", 400);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(LIMIT);

        Api.Response response = api.sendRaw("POST", "/api/v2/pages/", "application/json", body);

        assertThat(response.status()).as(response.body().substring(0, Math.min(300, response.body().length()))).isEqualTo(201);
        assertThat(response.json().get("slots").get("main").size()).isEqualTo(400);
    }

    @Test
    void anUnknownTopLevelKeyIsRefusedWith422NamingIt() {
        PageState before = PageState.of(api, page);

        JsonNode onCreate = assertRefused(api.post("/api/v2/pages/", Map.of("parent", section, "type", "layout_page",
                "title", "Coloured", "slug", "coloured", "colour", "red")), 422);
        JsonNode onEdit = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1, "title", "After",
                "body", "<p>words</p>")), 422);
        JsonNode onPublish = assertRefused(api.post("/api/v2/pages/" + page + "/publish/", Map.of("force", true)), 422);

        assertThat(onCreate.get("error").asString()).contains("'colour'");
        assertThat(detailFields(onCreate)).containsExactly("colour");
        assertThat(onEdit.get("error").asString()).contains("'body'");
        assertThat(detailFields(onEdit)).containsExactly("body");
        assertThat(detailFields(onPublish)).containsExactly("force");
        assertThat(PageState.childCount(api, section)).isEqualTo(1);
        assertThat(PageState.of(api, page)).isEqualTo(before);
        assertThat(pages.draft(page).get("live").asBoolean()).isFalse();
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefusedWith422NamingTheField() {
        PageState before = PageState.of(api, page);
        Map<String, Object> create = Map.of("parent", section, "type", "layout_page", "title", "Typed", "slug", "typed");
        Map<String, Object> wrongOnCreate = new LinkedHashMap<>();
        wrongOnCreate.put("title", 5);
        wrongOnCreate.put("parent", String.valueOf(section));
        wrongOnCreate.put("type", List.of("layout_page"));
        wrongOnCreate.put("slug", true);
        wrongOnCreate.put("fields", List.of());
        wrongOnCreate.put("slots", "main");

        wrongOnCreate.forEach((field, wrong) -> {
            Map<String, Object> body = new LinkedHashMap<>(create);
            body.put(field, wrong);
            JsonNode error = assertRefused(api.post("/api/v2/pages/", body), 422);
            assertThat(detailFields(error)).as(field).containsExactly(field);
            assertThat(error.get("error").asString()).as(field).contains("'" + field + "'");
        });
        for (Object parent : List.of(1.5, -3, 0)) {
            Map<String, Object> body = new LinkedHashMap<>(create);
            body.put("parent", parent);
            assertThat(detailFields(assertRefused(api.post("/api/v2/pages/", body), 422))).as("parent " + parent).containsExactly("parent");
        }
        for (Object version : List.of("1", 1.0, true)) {
            JsonNode error = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("version", version, "title", "After")), 422);
            assertThat(detailFields(error)).as("version " + version).containsExactly("version");
        }
        JsonNode noVersion = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("title", "After")), 422);
        assertThat(detailFields(noVersion)).containsExactly("version");
        JsonNode title = assertRefused(api.patch("/api/v2/pages/" + page + "/", Map.of("version", 1, "title", Map.of("en", "After"))), 422);
        assertThat(detailFields(title)).containsExactly("title");

        assertThat(PageState.childCount(api, section)).isEqualTo(1);
        assertThat(PageState.of(api, page)).isEqualTo(before);
    }

    private String pageWithTextBlocks(String slug, int blocks) {
        List<Object> main = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            main.add(textBlock("<p>" + "x".repeat(5000) + "</p>"));
        }
        return Api.json(Map.of("parent", section, "type", "layout_page", "title", "Large", "slug", slug,
                "slots", Map.of("main", main)));
    }
}
