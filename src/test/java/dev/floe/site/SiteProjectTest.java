package dev.floe.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** A site project declares page types and block types in site.yaml and overrides templates by path, without Java. */
class SiteProjectTest extends FloeIntegrationTest {

    static final Path SITE = createSite();

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("FLOE_SITE_DIR", SITE::toString);
    }

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aSiteAddsPageTypesAndBlockTypesThatTheApiKnowsAndValidates() {
        JsonNode types = anonymous.get("/api/v2/page-types/").json().get("items");
        JsonNode event = types.valueStream().filter(t -> t.get("name").asString().equals("event_page")).findFirst().orElseThrow();
        assertThat(event.get("fields").has("starts_on")).isTrue();
        assertThat(event.get("slots").get("main").valueStream().map(JsonNode::asString).toList()).containsExactly("text", "notice");

        Api.Response invalid = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "event_page",
                "title", "Open day", "slug", unique("open-day"), "fields", Map.of("starts_on", "2030-02-30"),
                "slots", Map.of("main", List.of(Map.of("type", "notice", "value", Map.of("level", "loud"))))));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("starts_on", "notice", "message", "level");
    }

    @Test
    void aSiteBlockRendersThroughTheSitesOwnTemplateAndOverridesPlatformTemplates() {
        String slug = unique("open-day");
        Api.Response created = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "event_page",
                "title", "Open day", "slug", slug, "fields", Map.of("starts_on", "2030-02-01"),
                "slots", Map.of("main", List.of(
                        Map.of("type", "notice", "value", Map.of("message", "Bring <boots>", "level", "warning")),
                        Map.of("type", "text", "value", Map.of("html", "<p>Welcome</p>"))))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        pages.publish(created.json().get("id").asLong());

        String html = anonymous.get("/" + slug + "/").body();

        assertThat(html).contains("<div class=\"notice notice-warning\">Bring &lt;boots&gt;</div>");
        assertThat(html).contains("<section class=\"site-text\"><p>Welcome</p></section>");
        assertThat(html).contains("Starts 2030-02-01");
    }

    private static Path createSite() {
        try {
            Path site = Files.createTempDirectory("floe-site");
            Files.writeString(site.resolve("site.yaml"), """
                    name: Test Site
                    block_types:
                      notice:
                        label: Notice
                        fields:
                          message: { type: text, required: true, max_length: 500 }
                          level: { type: choice, choices: [info, warning] }
                    page_types:
                      event_page:
                        label: Event
                        layouts: [event]
                        fields:
                          starts_on: { type: date, required: true }
                        slots:
                          main: [text, notice]
                    """);
            Path blocks = Files.createDirectories(site.resolve("templates/blocks"));
            Path layouts = Files.createDirectories(site.resolve("templates/layouts"));
            Files.writeString(blocks.resolve("notice.peb"), "<div class=\"notice notice-{{ value.level }}\">{{ value.message }}</div>\n");
            Files.writeString(blocks.resolve("text.peb"), "<section class=\"site-text\">{{ value.html | raw }}</section>\n");
            Files.writeString(layouts.resolve("event.peb"), """
                    {% extends "base" %}
                    {% block content %}<h1>{{ page.title }}</h1><p>Starts {{ page.fields.starts_on }}</p>{{ slots.main }}{% endblock %}
                    """);
            return site;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
