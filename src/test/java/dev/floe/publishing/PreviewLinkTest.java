package dev.floe.publishing;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

class PreviewLinkTest extends FloeIntegrationTest {

    @Autowired
    PreviewLinks links;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aPreviewLinkShowsTheCurrentDraftToSomeoneWithoutAnAccount() {
        long id = pages.createUnderHome(unique("preview"), "Work in progress", textBlock("<p>Draft words</p>")).get("id").asLong();

        Api.Response made = api.post("/api/v2/pages/" + id + "/preview-link/", Map.of());
        assertThat(made.status()).isEqualTo(200);
        String url = made.json().get("url").asString();
        Instant expires = Instant.parse(made.json().get("expires_at").asString());
        assertThat(expires).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60), Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));

        Api.Response shown = anonymous.get(url);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Work in progress", "Draft words", "Preview of an unpublished draft");
        assertThat(shown.header("Cache-Control")).contains("no-store");
        assertThat(shown.header("X-Robots-Tag")).contains("noindex");

        pages.edit(id, pages.draft(id).get("version").asInt(), Map.of("title", "Newer draft"));
        assertThat(anonymous.get(url).body()).as("the link follows the current draft").contains("Newer draft");

        pages.publish(id);
        assertThat(anonymous.get(url).body()).as("once published, the banner says the draft is what visitors see")
                .contains("Preview: the same as the published page").doesNotContain("unpublished");
    }

    @Test
    void aTamperedPreviewLinkIsRefusedAndShowsNothing() {
        long id = pages.createUnderHome(unique("tamper"), "Secret draft", textBlock("<p>Hidden</p>")).get("id").asLong();
        long other = pages.createUnderHome(unique("other"), "Other secret").get("id").asLong();
        String url = api.post("/api/v2/pages/" + id + "/preview-link/", Map.of()).json().get("url").asString();
        String token = url.substring(url.indexOf("/-/preview/") + "/-/preview/".length(), url.length() - 1);
        String[] parts = token.split("\\.");

        String otherPage = "/-/preview/" + other + "." + parts[1] + "." + parts[2] + "/";
        String laterExpiry = "/-/preview/" + parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2] + "/";
        String badSignature = "/-/preview/" + parts[0] + "." + parts[1] + "." + parts[2].substring(1) + "A/";

        for (String forged : new String[] {otherPage, laterExpiry, badSignature, "/-/preview/garbage/", "/-/preview/1.2.3/"}) {
            Api.Response response = anonymous.get(forged);
            assertThat(response.status()).as(forged).isEqualTo(403);
            assertThat(response.body()).doesNotContain("Secret draft", "Hidden", "Other secret");
        }
    }

    @Test
    void anExpiredPreviewLinkIsRefused() throws InterruptedException {
        long id = pages.createUnderHome(unique("expired-preview"), "Short lived").get("id").asLong();
        // Links expire on a whole second: one asked to last 1 s may last a few milliseconds, and 2 s at least 1 s.
        PreviewLinks.Link link = links.create(id, Duration.ofSeconds(2));
        assertThat(anonymous.get(link.path()).status()).isEqualTo(200);

        Thread.sleep(Duration.between(Instant.now(), link.expiresAt()).toMillis() + 100);

        Api.Response response = anonymous.get(link.path());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("Short lived");
    }

    @Test
    void anonymousVisitorsNeverSeeADraft() {
        String slug = unique("never-draft");
        long id = pages.createUnderHome(slug, "Published title", textBlock("<p>Published</p>")).get("id").asLong();
        pages.publish(id);
        pages.edit(id, pages.draft(id).get("version").asInt(), Map.of("title", "Draft title"));

        assertThat(anonymous.get("/" + slug + "/").body()).doesNotContain("Draft title");
        assertThat(anonymous.get("/api/v2/pages/" + id + "/").json().get("title").asString()).isEqualTo("Published title");
        assertThat(anonymous.get("/api/v2/pages/" + id + "/?draft=true").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v2/pages/" + id + "/revisions/").status()).isEqualTo(401);
        JsonNode listed = anonymous.get("/api/v2/pages/?path=/" + slug + "/").json().get("items").get(0);
        assertThat(listed.get("title").asString()).isEqualTo("Published title");
    }

    @Test
    void previewLinksNeedAToken() {
        long id = pages.createUnderHome(unique("no-token"), "Private").get("id").asLong();

        assertThat(anonymous.post("/api/v2/pages/" + id + "/preview-link/", Map.of()).status()).isEqualTo(401);
    }
}
