package dev.floe.pages;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.admin.AdminRole;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import dev.floe.support.Race;
import tools.jackson.databind.JsonNode;

class PageBinTest extends FloeIntegrationTest {

    @Autowired
    PageBin bin;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void deletingMovesAPageAndItsDescendantsToTheBinAndTheirAddressesStopServingWithoutRedirects() {
        String slug = unique("binned");
        long section = pages.createUnderHome(slug, "Section", textBlock("<p>s</p>")).get("id").asLong();
        long child = pages.create(section, "child", "Child", textBlock("<p>c</p>")).get("id").asLong();
        pages.publish(section);
        pages.publish(child);
        assertThat(anonymous.get("/" + slug + "/child/").status()).isEqualTo(200);

        Api.Response deleted = api.delete("/api/v2/pages/" + section + "/");

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("pages").asInt()).isEqualTo(2);
        assertThat(deleted.json().get("were_live").asInt()).isEqualTo(2);
        assertThat(deleted.json().get("path").asString()).isEqualTo("/" + slug + "/");
        assertThat(anonymous.get("/" + slug + "/").status()).as("no page and no redirect").isEqualTo(404);
        assertThat(anonymous.get("/" + slug + "/child/").status()).isEqualTo(404);
        assertThat(api.get("/api/v2/pages/" + child + "/?draft=true").status()).isEqualTo(404);
        assertThat(api.get("/api/v2/pages/?path=/" + slug + "/&draft=true").json().get("meta").get("total").asInt()).isZero();
        assertThat(api.get("/api/v2/bin/").json().get("items").findValuesAsString("path")).contains("/" + slug + "/");
        assertThat(anonymous.get("/api/v2/bin/").status()).isEqualTo(401);
        Api.Response edit = api.patch("/api/v2/pages/" + child + "/", Map.of("version", 1, "title", "Changed"));
        assertThat(edit.status()).as("a binned page cannot be edited").isIn(404, 409);
    }

    @Test
    void aDeletedSlugIsFreeForANewPageAndRestoringIntoItIsRefusedWithAReason() {
        String slug = unique("reused");
        long old = pages.createUnderHome(slug, "Old").get("id").asLong();
        assertThat(api.delete("/api/v2/pages/" + old + "/").status()).isEqualTo(200);

        long replacement = pages.createUnderHome(slug, "New").get("id").asLong();
        Api.Response refused = api.post("/api/v2/pages/" + old + "/restore/", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asString()).contains("slug '" + slug + "'", "restore this one under another parent");
        long elsewhere = pages.createUnderHome(unique("elsewhere"), "Elsewhere").get("id").asLong();
        Api.Response restored = api.post("/api/v2/pages/" + old + "/restore/", Map.of("parent", elsewhere));
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().get("parent").asLong()).isEqualTo(elsewhere);
        assertThat(api.get("/api/v2/pages/" + replacement + "/?draft=true").json().get("title").asString()).isEqualTo("New");
    }

    @Test
    void restoringPutsThePagesBackUnderTheirOldParentAsDrafts() {
        String slug = unique("restored");
        long section = pages.createUnderHome(slug, "Section").get("id").asLong();
        long child = pages.create(section, "child", "Child").get("id").asLong();
        long grandchild = pages.create(child, "grandchild", "Grandchild").get("id").asLong();
        pages.publish(section);
        pages.publish(child);
        api.delete("/api/v2/pages/" + child + "/");

        Api.Response restored = api.post("/api/v2/pages/" + child + "/restore/", Map.of());

        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        JsonNode back = pages.draft(child);
        assertThat(back.get("path").asString()).isEqualTo("/" + slug + "/child/");
        assertThat(back.get("live").asBoolean()).as("restored pages come back unpublished").isFalse();
        assertThat(pages.draft(grandchild).get("path").asString()).isEqualTo("/" + slug + "/child/grandchild/");
        assertThat(anonymous.get("/" + slug + "/child/").status()).isEqualTo(404);
        pages.publish(child);
        assertThat(anonymous.get("/" + slug + "/child/").status()).isEqualTo(200);
        assertThat(api.post("/api/v2/pages/" + child + "/restore/", Map.of()).status()).as("no longer in the bin").isEqualTo(404);
    }

    @Test
    void whenTheOldParentIsGoneRestoringAsksForAParent() {
        long section = pages.createUnderHome(unique("gone"), "Gone").get("id").asLong();
        long child = pages.create(section, "child", "Child").get("id").asLong();
        api.delete("/api/v2/pages/" + child + "/");
        api.delete("/api/v2/pages/" + section + "/");

        Api.Response refused = api.post("/api/v2/pages/" + child + "/restore/", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").asString()).contains("choose another parent");
        assertThat(api.post("/api/v2/pages/" + child + "/restore/", Map.of("parent", pages.homeId())).status()).isEqualTo(200);
    }

    @Test
    void theHomePageCannotBeDeleted() {
        Api.Response refused = api.delete("/api/v2/pages/" + pages.homeId() + "/");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
    }

    @Test
    void thePurgeRemovesEntriesOlderThanThirtyDaysOnceEvenWhenInstancesRaceForThem() throws Exception {
        long section = pages.createUnderHome(unique("purged"), "Purged").get("id").asLong();
        long child = pages.create(section, "child", "Child").get("id").asLong();
        api.delete("/api/v2/pages/" + section + "/");
        long kept = pages.createUnderHome(unique("kept"), "Kept").get("id").asLong();

        assertThat(bin.purgeDeletedBefore(Instant.now().minus(PageBin.KEPT_FOR))).as("nothing is 30 days old yet").isZero();
        api.delete("/api/v2/pages/" + kept + "/");
        Instant later = Instant.now().plusSeconds(1);
        long before = bin.count();

        int total = Race.run(() -> bin.purgeDeletedBefore(later), 3).stream().mapToInt(Integer::intValue).sum();
        assertThat(total).as("each entry purged exactly once across the racing purges").isEqualTo((int) before);
        assertThat(bin.count()).isZero();
        assertThat(api.post("/api/v2/pages/" + section + "/restore/", Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/v2/pages/" + child + "/?draft=true").status()).isEqualTo(404);
    }

    @Test
    void deletingAndRestoringThroughTheApiNeedTheDeletePermission() {
        long page = pages.createUnderHome(unique("kept-safe"), "Kept safe").get("id").asLong();
        Api editorApi = api.withToken(accounts.createToken(AdminRole.EDITOR.ensure(accounts), "bin test"));

        Api.Response refused = editorApi.delete("/api/v2/pages/" + page + "/");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asString()).contains("may not delete");
        assertThat(api.delete("/api/v2/pages/" + page + "/").status()).isEqualTo(200);
        assertThat(editorApi.post("/api/v2/pages/" + page + "/restore/", Map.of()).status()).isEqualTo(403);
        assertThat(bin.entry(page).getTitle()).isEqualTo("Kept safe");
    }
}
