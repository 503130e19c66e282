package dev.floe.media;

import static dev.floe.api.Refusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.Multipart;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** The media API's shapes: lists, descriptions changed by PATCH, documents in use, and the OpenAPI document. */
class MediaApiTest extends MediaTestCase {

    @Test
    void imagesAreListedNewestFirstAndDescribedByPatch() {
        long first = uploadImage("first.png", Samples.png(30, 30));
        long second = uploadImage("second.png", Samples.png(30, 30));

        JsonNode list = anonymous.get(IMAGES + "?limit=2").json();
        Api.Response patched = api.patch(IMAGES + first + "/", Map.of("title", "Lighthouse", "alt_text", "A lighthouse at dusk",
                "categories", List.of("coast"), "focal_point", Map.of("x", 10, "y", 10, "width", 4, "height", 4)));
        Map<String, Object> clearing = new HashMap<>();
        clearing.put("focal_point", null);
        clearing.put("caption", null);
        Api.Response cleared = api.patch(IMAGES + first + "/", clearing);

        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(second);
        assertThat(list.get("meta").get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("title").asString()).isEqualTo("Lighthouse");
        assertThat(patched.json().get("focal_point").get("width").asInt()).isEqualTo(4);
        assertThat(patched.json().get("updated_by").asString()).isEqualTo("editor@floe.test");
        assertThat(cleared.json().get("focal_point").isNull()).isTrue();
        assertThat(cleared.json().get("alt_text").asString()).isEqualTo("A lighthouse at dusk");
        assertThat(cleared.json().get("iiif").asString()).isEqualTo("/iiif/3/" + first + "/info.json");
    }

    @Test
    void badDescriptionsAreRefusedNamingTheField() {
        long id = uploadImage("strict.png", Samples.png(30, 30));

        JsonNode outside = assertRefused(api.patch(IMAGES + id + "/", Map.of("focal_point", Map.of("x", 40, "y", 1, "width", 1, "height", 1))), 422);
        JsonNode longTitle = assertRefused(api.patch(IMAGES + id + "/", Map.of("title", "x".repeat(301))), 422);
        JsonNode unknown = assertRefused(api.patch(IMAGES + id + "/", Map.of("colour", "red")), 422);
        JsonNode badCategories = assertRefused(api.patch(IMAGES + id + "/", Map.of("categories", "coast")), 422);

        assertThat(outside.get("details").get(0).get("field").asString()).isEqualTo("focal_point");
        assertThat(longTitle.get("details").get(0).get("field").asString()).isEqualTo("title");
        assertThat(unknown.get("details").get(0).get("field").asString()).isEqualTo("colour");
        assertThat(badCategories.get("details").get(0).get("field").asString()).isEqualTo("categories");
        assertRefused(anonymous.patch(IMAGES + id + "/", Map.of("title", "x")), 401);
        assertRefused(api.patch(IMAGES + "987654/", Map.of("title", "x")), 404);
        assertRefused(api.delete(IMAGES + "987654/"), 404);
    }

    @Test
    void aDocumentInUseCannotBeDeletedAndOneReplacedKeepsItsAddress() {
        long id = Multipart.upload(api, DOCUMENTS, "plan.pdf", Samples.pdf("Plan")).json().get("id").asLong();
        String url = api.get(DOCUMENTS + id + "/").json().get("url").asString();
        Pages pages = new Pages(api);
        String slug = unique("plan-page");
        pages.createUnderHome(slug, "Plan", Map.of("type", "file", "value", Map.of("document", id)));

        JsonNode inUse = assertRefused(api.delete(DOCUMENTS + id + "/"), 409);
        Api.Response replaced = Multipart.send(api, "PUT", DOCUMENTS + id + "/file/", "plan-v2.docx", Samples.docx(), Map.of());
        Api.Response renamed = api.patch(DOCUMENTS + id + "/", Map.of("title", "Harbour plan", "categories", List.of("plans")));

        assertThat(inUse.get("error").asString()).contains("/" + slug + "/");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("url").asString()).isEqualTo(url);
        assertThat(replaced.json().get("kind").asString()).isEqualTo("docx");
        assertThat(fetch(url).headers().firstValue("Content-Type")).hasValue(DocumentKind.DOCX.contentType());
        assertThat(renamed.json().get("title").asString()).isEqualTo("Harbour plan");
        long unused = Multipart.upload(api, DOCUMENTS, "old.pdf", Samples.pdf("Old")).json().get("id").asLong();
        assertThat(api.delete(DOCUMENTS + unused + "/").status()).isEqualTo(204);
        assertThat(fetch("/media/documents/" + unused + "/").statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheMediaApi() {
        JsonNode paths = anonymous.get("/api/v2/openapi.json").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v2/images/", "/api/v2/images/{id}/", "/api/v2/images/{id}/file/",
                "/api/v2/documents/", "/api/v2/documents/{id}/", "/api/v2/documents/{id}/file/");
        assertThat(paths.get("/api/v2/images/").propertyNames()).contains("get", "post");
        assertThat(paths.get("/api/v2/images/{id}/").propertyNames()).contains("get", "patch", "delete");
        assertThat(paths.get("/api/v2/images/").get("post").get("requestBody").get("content").propertyNames())
                .contains("multipart/form-data");
    }
}
