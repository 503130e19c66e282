package dev.floe.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.admin.AdminRole;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;

/** Shared content, response pages and site settings change through the API only with the permissions the admin asks for. */
class SiteContentApiPermissionsTest extends FloeIntegrationTest {

    @Test
    void anEditorsTokenReadsButDoesNotChangeSharedContentResponsePagesOrSiteSettings() {
        long shared = api.post("/api/v2/shared-content/", Map.of("name", unique("api-notice"), "title", "Notice")).json().get("id").asLong();
        Api editor = api.withToken(accounts.createToken(AdminRole.EDITOR.ensure(accounts), "site content permissions"));

        assertThat(editor.get("/api/v2/shared-content/" + shared + "/").status()).isEqualTo(200);
        assertThat(editor.get("/api/v2/response-pages/404/").status()).isEqualTo(200);
        assertThat(editor.get("/api/v2/site-settings/").status()).isEqualTo(200);

        Api.Response created = editor.post("/api/v2/shared-content/", Map.of("name", unique("editor-notice"), "title", "Editor"));
        Api.Response changed = editor.patch("/api/v2/shared-content/" + shared + "/", Map.of("title", "Changed by an editor"));
        Api.Response deleted = editor.delete("/api/v2/shared-content/" + shared + "/");
        Api.Response responsePage = editor.put("/api/v2/response-pages/404/", Map.of("title", "Editor was here", "slots", Map.of("main", List.of())));
        Api.Response robots = editor.patch("/api/v2/site-settings/", Map.of("robots_txt", "User-agent: *\nDisallow: /\n"));

        assertThat(List.of(created, changed, deleted, responsePage, robots)).allSatisfy(response -> assertThat(response.status()).isEqualTo(403));
        assertThat(created.json().get("error").asString()).contains("manage_shared_content");
        assertThat(robots.json().get("error").asString()).contains("manage_settings");
        assertThat(api.get("/api/v2/shared-content/" + shared + "/").json().get("title").asString()).isEqualTo("Notice");
        assertThat(api.get("/api/v2/response-pages/404/").json().get("title").asString()).isNotEqualTo("Editor was here");
        assertThat(anonymous.get("/robots.txt").body()).doesNotContain("Disallow: /\n");
    }
}
