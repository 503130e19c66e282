package dev.floe.navigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

class MenusTest extends FloeIntegrationTest {

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aMenuOfPageAndExternalLinksRendersOnEveryPageLeavingOutUnpublishedPages() {
        String aboutSlug = unique("about");
        long about = pages.createUnderHome(aboutSlug, "About").get("id").asLong();
        pages.publish(about);
        long team = pages.create(about, "team", "Team").get("id").asLong();
        pages.publish(team);
        long secret = pages.createUnderHome(unique("secret"), "Secret").get("id").asLong();

        Api.Response saved = api.put("/api/v2/menus/main/", Map.of("label", "Main menu", "items", List.of(
                Map.of("label", "About us", "page", about, "children", List.of(
                        Map.of("label", "Our team", "page", team),
                        Map.of("label", "Hidden child", "page", secret))),
                Map.of("label", "Not ready", "page", secret),
                Map.of("label", "Elsewhere", "url", "https://example.org/"))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("items").size()).isEqualTo(3);

        String html = anonymous.get("/" + aboutSlug + "/").body();

        assertThat(html).contains("<nav aria-label=\"Main\">", ">About us</a>", ">Our team</a>", "href=\"https://example.org/\"");
        assertThat(html).contains("href=\"/" + aboutSlug + "/\" aria-current=\"page\"");
        assertThat(html).doesNotContain("Not ready", "Hidden child");

        pages.publish(secret);
        assertThat(anonymous.get("/" + aboutSlug + "/").body()).as("publishing a page shows its menu items at once")
                .contains("Not ready", "Hidden child");
        api.post("/api/v2/pages/" + secret + "/unpublish/", Map.of());
        assertThat(anonymous.get("/" + aboutSlug + "/").body()).doesNotContain("Not ready");
    }

    @Test
    void menusFollowPagesThatMove() {
        long from = pages.createUnderHome(unique("from"), "From").get("id").asLong();
        long to = pages.createUnderHome(unique("to"), "To").get("id").asLong();
        pages.publish(from);
        pages.publish(to);
        long moving = pages.create(from, "moving", "Moving").get("id").asLong();
        pages.publish(moving);
        api.put("/api/v2/menus/footer/", Map.of("items", List.of(Map.of("label", "Moving page", "page", moving))));

        api.post("/api/v2/pages/" + moving + "/move/", Map.of("parent", to));

        String newPath = pages.draft(moving).get("path").asString();
        assertThat(anonymous.get("/").body()).contains("href=\"" + newPath + "\">Moving page</a>");
    }

    @Test
    void menusNestOneLevelAndRefuseBadItemsNamingThem() {
        long page = pages.createUnderHome(unique("page"), "Page").get("id").asLong();

        Api.Response tooDeep = api.put("/api/v2/menus/deep/", Map.of("items", List.of(Map.of("label", "A", "page", page,
                "children", List.of(Map.of("label", "B", "page", page, "children", List.of(Map.of("label", "C", "page", page))))))));
        Api.Response both = api.put("/api/v2/menus/both/", Map.of("items", List.of(Map.of("label", "A", "page", page, "url", "/x/"))));
        Api.Response script = api.put("/api/v2/menus/script/", Map.of("items", List.of(Map.of("label", "A", "url", "javascript:alert(1)"))));
        Api.Response missing = api.put("/api/v2/menus/missing/", Map.of("items", List.of(Map.of("label", "A", "page", 999999999))));
        Api.Response badName = api.put("/api/v2/menus/Bad%20Name/", Map.of("items", List.of()));

        assertThat(tooDeep.status()).isEqualTo(422);
        assertThat(tooDeep.body()).contains("items[0].children[0]", "one level");
        assertThat(both.status()).isEqualTo(422);
        assertThat(script.status()).isEqualTo(422);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("999999999");
        assertThat(badName.status()).isEqualTo(422);
        assertThat(api.get("/api/v2/menus/deep/").status()).as("nothing was stored").isEqualTo(404);
    }

    @Test
    void changingMenusNeedsAToken() {
        assertThat(anonymous.put("/api/v2/menus/main/", Map.of("items", List.of())).status()).isEqualTo(401);
    }

    @Test
    void menusAreReadableThroughTheApi() {
        api.put("/api/v2/menus/social/", Map.of("label", "Social", "items", List.of(Map.of("label", "Feed", "url", "https://example.org/feed"))));

        JsonNode menu = anonymous.get("/api/v2/menus/social/").json();

        assertThat(menu.get("label").asString()).isEqualTo("Social");
        assertThat(menu.get("items").get(0).get("url").asString()).isEqualTo("https://example.org/feed");
        assertThat(menu.get("updated_by").asString()).isEqualTo("editor@floe.test");
    }
}
