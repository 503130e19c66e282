package dev.floe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The documents clients build against: the page types with their slots, and the OpenAPI description. */
class SchemaDocumentsTest extends FloeIntegrationTest {

    @Test
    void pageTypesListEachTypeWithItsNameFieldsLayoutsAndSlots() {
        Api.Response response = anonymous.get("/api/v2/page-types/");

        assertThat(response.status()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list.get("meta").get("total").asInt()).isEqualTo(list.get("items").size());
        for (JsonNode type : list.get("items")) {
            assertThat(type.propertyNames()).as(type.toString()).contains("name", "fields", "layouts", "slots");
            assertThat(type.get("layouts").size()).as(type.get("name").asString() + " has a layout").isPositive();
        }
        JsonNode page = type(list, "layout_page");
        assertThat(page.get("layouts").valueStream().map(JsonNode::asString)).containsExactly("default", "wide");
        assertThat(page.get("fields").get("intro").get("type").asString()).isEqualTo("richtext");
        assertThat(page.get("fields").get("seo_title").get("max_length").asInt()).isEqualTo(200);
        assertThat(strings(page.get("slots").get("main"))).contains("text", "heading", "faq", "raw_html", "page_link");
        JsonNode listing = type(list, "listing_page");
        assertThat(listing.get("slots").propertyNames()).containsExactly("main");
        assertThat(strings(listing.get("slots").get("main"))).containsExactly("text", "heading", "quote", "call_to_action");
        assertThat(type(list, "article").get("fields").get("date").get("required").asBoolean()).isTrue();
        assertThat(type(list, "redirect_page").get("slots").size()).isZero();
    }

    @Test
    void everyBlockTypeASlotAcceptsIsDescribedInTheBlockTypes() {
        JsonNode pageTypes = anonymous.get("/api/v2/page-types/").json();
        JsonNode blockTypes = anonymous.get("/api/v2/block-types/").json();

        Set<String> described = blockTypes.get("items").valueStream().map(b -> b.get("name").asString()).collect(Collectors.toSet());
        Set<String> accepted = pageTypes.get("items").valueStream()
                .flatMap(t -> t.get("slots").valueStream()).flatMap(JsonNode::valueStream).map(JsonNode::asString)
                .collect(Collectors.toSet());
        assertThat(accepted).isNotEmpty();
        assertThat(described).containsAll(accepted);
        JsonNode rawHtml = blockTypes.get("items").valueStream().filter(b -> b.get("name").asString().equals("raw_html")).findFirst().orElseThrow();
        assertThat(rawHtml.get("permission").asString()).isEqualTo("raw_html");
    }

    @Test
    void theOpenApiDocumentIsServedAndDescribesThePagesEndpoints() {
        Api.Response response = anonymous.get("/api/v2/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        JsonNode paths = document.get("paths");
        assertThat(paths.propertyNames()).contains("/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/pages/{id}/publish/",
                "/api/v2/pages/{id}/revisions/", "/api/v2/page-types/");
        assertThat(paths.get("/api/v2/pages/").propertyNames()).contains("get", "post");
        assertThat(paths.get("/api/v2/pages/{id}/").propertyNames()).contains("get", "patch");
        assertThat(paths.get("/api/v2/pages/").get("get").get("parameters").valueStream().map(p -> p.get("name").asString()))
                .contains("type", "parent", "path", "fields", "limit", "offset", "draft");
    }

    private static JsonNode type(JsonNode list, String name) {
        return list.get("items").valueStream().filter(t -> t.get("name").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no page type " + name + " in " + list));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
