package dev.floe.pages;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import dev.floe.support.Race;
import tools.jackson.databind.JsonNode;

class PageTreeTest extends FloeIntegrationTest {

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void aPagesPathIsDerivedFromItsAncestorsSlugs() {
        String top = unique("section");
        long parent = pages.createUnderHome(top, "Section").get("id").asLong();
        JsonNode child = pages.create(parent, "child", "Child");
        JsonNode grandchild = pages.create(child.get("id").asLong(), "grandchild", "Grandchild");

        assertThat(child.get("path").asString()).isEqualTo("/" + top + "/child/");
        assertThat(grandchild.get("path").asString()).isEqualTo("/" + top + "/child/grandchild/");
        assertThat(grandchild.get("parent").asLong()).isEqualTo(child.get("id").asLong());
    }

    @Test
    void slugsAreUniqueAmongSiblingsButMayRepeatElsewhere() {
        long a = pages.createUnderHome(unique("a"), "A").get("id").asLong();
        long b = pages.createUnderHome(unique("b"), "B").get("id").asLong();
        pages.create(a, "contact", "Contact");
        pages.create(b, "contact", "Contact too");

        Api.Response clash = api.post("/api/v2/pages/", Map.of("parent", a, "type", "layout_page", "title", "Again", "slug", "contact"));

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("error").asString()).contains("contact", "already exists");
        assertThat(api.get("/api/v2/pages/?parent=" + a + "&draft=true").json().get("meta").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aPageWhoseSlugIsLeftBlankGetsOneFromItsTitleUniqueAmongItsSiblings() {
        long parent = pages.createUnderHome(unique("section"), "Section").get("id").asLong();
        pages.create(parent, "cafe-bar-2026", "Taken");

        Api.Response first = api.post("/api/v2/pages/", Map.of("parent", parent, "type", "layout_page", "title", "  Café & Bar, 2026! "));
        Api.Response second = api.post("/api/v2/pages/", Map.of("parent", parent, "type", "layout_page", "title", "Café & Bar 2026", "slug", ""));
        Api.Response symbols = api.post("/api/v2/pages/", Map.of("parent", parent, "type", "layout_page", "title", "!!!"));
        Api.Response admin = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "layout_page", "title", "Admin"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("slug").asString()).isEqualTo("cafe-bar-2026-2");
        assertThat(second.json().get("slug").asString()).isEqualTo("cafe-bar-2026-3");
        assertThat(symbols.status()).isEqualTo(422);
        assertThat(symbols.body()).contains("a page needs a slug");
        assertThat(admin.json().get("path").asString()).as("reserved at the top of the site").startsWith("/admin-");
        api.delete("/api/v2/pages/" + admin.json().get("id").asLong() + "/");
    }

    @Test
    void childrenKeepTheOrderEditorsGiveThem() {
        long parent = pages.createUnderHome(unique("ordered"), "Ordered").get("id").asLong();
        long first = pages.create(parent, "first", "First").get("id").asLong();
        long second = pages.create(parent, "second", "Second").get("id").asLong();
        long third = pages.create(parent, "third", "Third").get("id").asLong();

        Api.Response moved = api.post("/api/v2/pages/" + third + "/move/", Map.of("parent", parent, "position", 0));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        pages.publish(parent);
        pages.publish(first);
        pages.publish(second);
        pages.publish(third);
        List<Long> order = anonymous.get("/api/v2/pages/?parent=" + parent).json().get("items").valueStream()
                .map(p -> p.get("id").asLong()).toList();
        assertThat(order).containsExactly(third, first, second);

        api.post("/api/v2/pages/" + first + "/move/", Map.of("parent", parent, "position", 2));
        List<Long> after = api.get("/api/v2/pages/?parent=" + parent + "&draft=true").json().get("items").valueStream()
                .map(p -> p.get("id").asLong()).toList();
        assertThat(after).containsExactly(third, second, first);
    }

    @Test
    void movingAPageMovesItsWholeSubtreeAndLeavesRedirectsFromOldLivePaths() {
        String from = unique("old-home");
        String to = unique("new-home");
        long oldParent = pages.createUnderHome(from, "Old").get("id").asLong();
        long newParent = pages.createUnderHome(to, "New").get("id").asLong();
        pages.publish(oldParent);
        pages.publish(newParent);
        long moving = pages.create(oldParent, "team", "Team", textBlock("<p>The team</p>")).get("id").asLong();
        pages.publish(moving);
        long member = pages.create(moving, "ada", "Ada").get("id").asLong();
        pages.publish(member);
        long draftOnly = pages.create(moving, "unannounced", "Unannounced").get("id").asLong();

        Api.Response moved = api.post("/api/v2/pages/" + moving + "/move/", Map.of("parent", newParent));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("path").asString()).isEqualTo("/" + to + "/team/");
        assertThat(pages.draft(member).get("path").asString()).isEqualTo("/" + to + "/team/ada/");
        assertThat(pages.draft(draftOnly).get("path").asString()).isEqualTo("/" + to + "/team/unannounced/");
        assertThat(anonymous.get("/" + to + "/team/ada/").body()).contains("Ada");

        Api.Response oldTeam = anonymous.get("/" + from + "/team/");
        assertThat(oldTeam.status()).isEqualTo(301);
        assertThat(oldTeam.header("Location")).isEqualTo("/" + to + "/team/");
        assertThat(anonymous.get("/" + from + "/team/ada/").header("Location")).isEqualTo("/" + to + "/team/ada/");
        assertThat(anonymous.get("/" + from + "/team/unannounced/").status())
                .as("no redirect for a path that was never public").isEqualTo(404);
    }

    @Test
    void changingASlugRenamesTheSubtreeAndRedirectsTheOldPath() {
        String oldSlug = unique("before");
        String newSlug = unique("after");
        JsonNode page = pages.createUnderHome(oldSlug, "Renamed");
        long id = page.get("id").asLong();
        pages.publish(id);
        long child = pages.create(id, "child", "Child").get("id").asLong();
        pages.publish(child);

        JsonNode renamed = pages.edit(id, pages.draft(id).get("version").asInt(), Map.of("slug", newSlug));

        assertThat(renamed.get("path").asString()).isEqualTo("/" + newSlug + "/");
        assertThat(pages.draft(child).get("path").asString()).isEqualTo("/" + newSlug + "/child/");
        assertThat(anonymous.get("/" + oldSlug + "/child/").header("Location")).isEqualTo("/" + newSlug + "/child/");
        assertThat(anonymous.get("/" + newSlug + "/child/").status()).isEqualTo(200);
    }

    @Test
    void movingAPageBackWhereItCameFromServesItThereAgain() {
        String home = unique("origin");
        long origin = pages.createUnderHome(home, "Origin").get("id").asLong();
        long elsewhere = pages.createUnderHome(unique("elsewhere"), "Elsewhere").get("id").asLong();
        pages.publish(origin);
        pages.publish(elsewhere);
        long traveller = pages.create(origin, "traveller", "Traveller").get("id").asLong();
        pages.publish(traveller);

        api.post("/api/v2/pages/" + traveller + "/move/", Map.of("parent", elsewhere));
        api.post("/api/v2/pages/" + traveller + "/move/", Map.of("parent", origin));

        assertThat(anonymous.get("/" + home + "/traveller/").status()).isEqualTo(200);
    }

    @Test
    void aPageCannotBeMovedIntoItsOwnSubtree() {
        long parent = pages.createUnderHome(unique("loop"), "Loop").get("id").asLong();
        long child = pages.create(parent, "inner", "Inner").get("id").asLong();

        Api.Response intoChild = api.post("/api/v2/pages/" + parent + "/move/", Map.of("parent", child));
        Api.Response intoItself = api.post("/api/v2/pages/" + parent + "/move/", Map.of("parent", parent));

        assertThat(intoChild.status()).isEqualTo(409);
        assertThat(intoItself.status()).isEqualTo(409);
        assertThat(pages.draft(child).get("path").asString()).endsWith("/inner/");
    }

    /**
     * Two editors moving two pages under each other at the same moment: one move wins and the other is refused for the
     * loop it would make. Each move locks both pages; before they were locked in one order (lower id first), the two
     * could deadlock, and the database's victim answered 500.
     */
    @Test
    void twoPagesMovedUnderEachOtherAtOnceGiveOneMoveAndOneRefusalNeverALoop() throws Exception {
        for (int round = 0; round < 20; round++) {
            long a = pages.createUnderHome(unique("cross-a"), "A").get("id").asLong();
            long b = pages.createUnderHome(unique("cross-b"), "B").get("id").asLong();
            CyclicBarrier together = new CyclicBarrier(2);
            List<Integer> statuses = Race.run(() -> {
                boolean first = together.await() == 0;
                long moving = first ? a : b;
                return api.post("/api/v2/pages/" + moving + "/move/", Map.of("parent", first ? b : a)).status();
            }, 2);

            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            boolean aUnderB = pages.draft(a).get("parent").asLong() == b;
            boolean bUnderA = pages.draft(b).get("parent").asLong() == a;
            assertThat(aUnderB ^ bUnderA).as("round " + round + ": exactly one is under the other").isTrue();
        }
    }

    @Test
    void theHomePageCannotBeMoved() {
        long home = pages.homeId();
        long other = pages.createUnderHome(unique("somewhere"), "Somewhere").get("id").asLong();

        Api.Response response = api.post("/api/v2/pages/" + home + "/move/", Map.of("parent", other));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("error").asString()).contains("home page");
    }

    @Test
    void aPublishedPageCannotBeMovedUnderAnUnpublishedOne() {
        long live = pages.createUnderHome(unique("live"), "Live").get("id").asLong();
        pages.publish(live);
        long hidden = pages.createUnderHome(unique("hidden"), "Hidden").get("id").asLong();

        Api.Response response = api.post("/api/v2/pages/" + live + "/move/", Map.of("parent", hidden));

        assertThat(response.status()).isEqualTo(409);
        assertThat(anonymous.get(pages.draft(live).get("path").asString()).status()).isEqualTo(200);
    }

    @Test
    void pageTypesDecideWhereAPageMayLive() {
        Api.Response articleAtTop = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "article",
                "title", "Stray", "slug", unique("stray"), "fields", Map.of("date", "2026-01-01")));
        assertThat(articleAtTop.status()).isEqualTo(409);
        assertThat(articleAtTop.json().get("error").asString()).contains("Article", "cannot be placed");

        long listing = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "listing_page",
                "title", "News", "slug", unique("news"))).json().get("id").asLong();
        Api.Response article = api.post("/api/v2/pages/", Map.of("parent", listing, "type", "article",
                "title", "Story", "slug", "story", "fields", Map.of("date", "2026-01-01")));
        assertThat(article.status()).as(article.body()).isEqualTo(201);
    }

    @Test
    void aListingPageCollectsItsPublishedArticlesPageByPage() {
        String slug = unique("stories");
        long listing = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "listing_page",
                "title", "Stories", "slug", slug)).json().get("id").asLong();
        pages.publish(listing);
        for (int i = 1; i <= 12; i++) {
            long id = api.post("/api/v2/pages/", Map.of("parent", listing, "type", "article", "title", "Story " + i,
                    "slug", "story-" + i, "fields", Map.of("date", "2026-01-" + (10 + i)))).json().get("id").asLong();
            if (i != 5) {
                pages.publish(id);
            }
        }

        String first = anonymous.get("/" + slug + "/").body();
        String second = anonymous.get("/" + slug + "/?page=2").body();

        assertThat(first).contains("Story 1<", "Story 11<", "Page 1 of 2").doesNotContain("Story 5<", "Story 12<");
        assertThat(second).contains("Story 12<", "Page 2 of 2");
    }

    @Test
    void aRedirectPageSendsVisitorsToItsTarget() {
        long target = pages.createUnderHome(unique("target"), "Target").get("id").asLong();
        pages.publish(target);
        String slug = unique("shortcut");
        long redirect = api.post("/api/v2/pages/", Map.of("parent", pages.homeId(), "type", "redirect_page",
                "title", "Shortcut", "slug", slug, "fields", Map.of("target_page", target, "permanent", true)))
                .json().get("id").asLong();
        pages.publish(redirect);

        Api.Response response = anonymous.get("/" + slug + "/");

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo(pages.draft(target).get("path").asString());
    }

    @Test
    void aPathWithoutItsTrailingSlashRedirectsToThePage() {
        String slug = unique("slashless");
        pages.publish(pages.createUnderHome(slug, "Slashless").get("id").asLong());

        Api.Response response = anonymous.get("/" + slug);

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("/" + slug + "/");
    }
}
