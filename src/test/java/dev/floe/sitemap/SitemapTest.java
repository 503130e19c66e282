package dev.floe.sitemap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

class SitemapTest extends FloeIntegrationTest {

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void theSitemapListsLivePagesWithAbsoluteUrlsAndLastmodButNoDraftsOrRedirectPages() {
        String live = unique("in-sitemap");
        String draft = unique("not-in-sitemap");
        String redirect = unique("redirect-not-in-sitemap");
        pages.publish(pages.createUnderHome(live, "Live").get("id").asLong());
        pages.createUnderHome(draft, "Draft");
        long redirectPage = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "redirect_page",
                "title", "Away", "slug", redirect, "fields", Map.of("target_url", "https://example.org/"))).json().get("id").asLong();
        pages.publish(redirectPage);

        Api.Response sitemap = anonymous.get("/sitemap.xml");

        assertThat(sitemap.status()).isEqualTo(200);
        assertThat(sitemap.header("Content-Type")).startsWith("application/xml");
        assertThat(sitemap.body()).contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
                "<loc>http://localhost/</loc>", "<loc>http://localhost/" + live + "/</loc>");
        assertThat(sitemap.body()).containsPattern("<loc>http://localhost/" + live + "/</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>");
        assertThat(sitemap.body()).doesNotContain(draft, redirect);
    }

    @Test
    void robotsTxtNamesTheSitemapAndIsEditable() {
        Api.Response robots = anonymous.get("/robots.txt");
        assertThat(robots.status()).isEqualTo(200);
        assertThat(robots.header("Content-Type")).startsWith("text/plain");
        assertThat(robots.body()).contains("User-agent: *", "Sitemap: http://localhost/sitemap.xml");

        Api.Response edited = api.patch("/api/v2/site-settings/", Map.of("robots_txt", "User-agent: *\nDisallow: /private/\n"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        try {
            assertThat(anonymous.get("/robots.txt").body()).isEqualTo("User-agent: *\nDisallow: /private/\n");
        } finally {
            api.patch("/api/v2/site-settings/", java.util.Collections.singletonMap("robots_txt", null));
        }
        assertThat(anonymous.get("/robots.txt").body()).contains("Sitemap:");
        assertThat(anonymous.patch("/api/v2/site-settings/", Map.of("robots_txt", "x")).status()).isEqualTo(401);
    }
}
