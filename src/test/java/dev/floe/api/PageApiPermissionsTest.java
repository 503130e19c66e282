package dev.floe.api;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.accounts.Groups;
import dev.floe.accounts.PageAction;
import dev.floe.admin.AdminRole;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** A token acts as its user: each write through the pages API needs the user's permission on that page's subtree. */
class PageApiPermissionsTest extends FloeIntegrationTest {

    @Autowired
    Groups groups;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void anEditorsTokenMayEditButNotPublishUnpublishOrSchedule() {
        long page = pages.createUnderHome(unique("editor-api"), "Editor's page", textBlock("<p>one</p>")).get("id").asLong();
        Api editor = api.withToken(accounts.createToken(AdminRole.EDITOR.ensure(accounts), "api permissions"));

        Api.Response edited = editor.patch("/api/v2/pages/" + page + "/", Map.of("version", 1, "title", "Edited by the editor"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        Api.Response publish = editor.post("/api/v2/pages/" + page + "/publish/", Map.of());
        assertThat(publish.status()).isEqualTo(403);
        assertThat(publish.json().get("error").asString()).contains("may not publish the page");
        assertThat(anonymous.get("/api/v2/pages/" + page + "/").status()).as("still not live").isEqualTo(404);

        Api.Response schedule = editor.post("/api/v2/pages/" + page + "/schedule/", Map.of("go_live_at", "2030-01-01T00:00:00Z"));
        assertThat(schedule.status()).isEqualTo(403);
        Api.Response scheduleByPatch = editor.patch("/api/v2/pages/" + page + "/",
                Map.of("version", edited.json().get("version").asInt(), "go_live_at", "2030-01-01T00:00:00Z"));
        assertThat(scheduleByPatch.status()).isEqualTo(403);
        assertThat(pages.draft(page).get("go_live_at").isNull()).isTrue();

        pages.publish(page);
        Api.Response unpublish = editor.post("/api/v2/pages/" + page + "/unpublish/", Map.of());
        assertThat(unpublish.status()).isEqualTo(403);
        assertThat(anonymous.get("/api/v2/pages/" + page + "/").status()).isEqualTo(200);
    }

    @Test
    void anEditorsTokenMovesDraftsButNotALivePageNorOneWithLivePagesBelow() {
        long target = pages.createUnderHome(unique("target"), "Target").get("id").asLong();
        pages.publish(target);
        long live = pages.createUnderHome(unique("live"), "Live").get("id").asLong();
        pages.publish(live);
        long draftParent = pages.createUnderHome(unique("draft-parent"), "Draft parent").get("id").asLong();
        long draft = pages.createUnderHome(unique("draft"), "Draft").get("id").asLong();
        Api editor = api.withToken(accounts.createToken(AdminRole.EDITOR.ensure(accounts), "api moves"));

        Api.Response moveLive = editor.post("/api/v2/pages/" + live + "/move/", Map.of("parent", target));
        assertThat(moveLive.status()).isEqualTo(403);
        assertThat(moveLive.json().get("error").asString()).contains("changes the live site", "publish permission");
        Api.Response reorderLive = editor.post("/api/v2/pages/" + live + "/move/", Map.of("parent", pages.homeId(), "position", 0));
        assertThat(reorderLive.status()).as("its place among live siblings is the live site's too").isEqualTo(403);

        assertThat(editor.post("/api/v2/pages/" + draft + "/move/", Map.of("parent", draftParent)).status()).isEqualTo(200);
        assertThat(editor.post("/api/v2/pages/" + draftParent + "/move/", Map.of("parent", target)).status()).isEqualTo(200);
        assertThat(api.post("/api/v2/pages/" + live + "/move/", Map.of("parent", target)).status()).as("a superuser's token").isEqualTo(200);
    }

    @Test
    void aTokenWhoseUserMayEditOneSubtreeIsRefusedEverywhereElse() {
        long mine = pages.createUnderHome(unique("granted"), "Granted section").get("id").asLong();
        long other = pages.createUnderHome(unique("not-granted"), "Other section").get("id").asLong();
        long child = pages.create(mine, "child", "Child").get("id").asLong();
        String group = unique("Section editors");
        long groupId = groups.create(group, "", Set.of()).id();
        groups.grant(groupId, mine, PageAction.ADD);
        groups.grant(groupId, mine, PageAction.EDIT);
        String email = unique("section-editor") + "@floe.test";
        accounts.createUser(email, "Section editor", AdminRole.PASSWORD, false, Set.of(group));
        Api sectionEditor = api.withToken(accounts.createToken(email, "one subtree"));

        assertThat(sectionEditor.patch("/api/v2/pages/" + child + "/", Map.of("version", 1, "title", "Mine")).status()).isEqualTo(200);
        assertThat(sectionEditor.post("/api/v2/pages/", Map.of("parent", mine, "type", "layout_page", "title", "New", "slug", "new")).status())
                .isEqualTo(201);

        Api.Response edit = sectionEditor.patch("/api/v2/pages/" + other + "/", Map.of("version", 1, "title", "Not mine"));
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.json().get("error").asString()).contains("may not edit the page");
        assertThat(pages.draft(other).get("title").asString()).isEqualTo("Other section");

        Api.Response create = sectionEditor.post("/api/v2/pages/", Map.of("parent", other, "type", "layout_page", "title", "Intruder", "slug", "intruder"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().get("error").asString()).contains("may not add");

        Api.Response move = sectionEditor.post("/api/v2/pages/" + child + "/move/", Map.of("parent", other));
        assertThat(move.status()).as("moving needs the permission to add under the new parent").isEqualTo(403);
        assertThat(sectionEditor.post("/api/v2/pages/" + other + "/preview-link/", Map.of()).status()).isEqualTo(403);
        assertThat(sectionEditor.post("/api/v2/pages/" + other + "/revert/", Map.of()).status()).isEqualTo(403);
    }
}
