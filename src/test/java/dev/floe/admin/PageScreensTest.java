package dev.floe.admin;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

/** The dashboard, explorer and editor over HTTP, as an editor's browser uses them (forms, redirects, fragments). */
class PageScreensTest extends FloeIntegrationTest {

    Pages pages;
    @org.springframework.beans.factory.annotation.Autowired
    dev.floe.accounts.Groups groups;

    PageScreens editor;
    PageScreens administrator;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        editor = PageScreens.signedIn(port, accounts, AdminRole.EDITOR);
        administrator = PageScreens.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
    }

    @Test
    void anAdminAddressThatNoScreenAnswersIsTheAdminsOwn404() {
        AdminClient.Response missing = editor.get("/admin/no-such-screen/%3Cb%3Ebold/");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no admin screen at /admin/no-such-screen/", "Back to the dashboard",
                "href=\"/admin/pages/\"").doesNotContain("<b>bold");
        assertThat(anonymous.get("/no-such-page-" + unique("x") + "/").body()).as("the site's own 404 elsewhere")
                .doesNotContain("There is no admin screen");
    }

    @Test
    void anAdminAddressTypedWithoutItsFinalSlashIsRedirectedToIt() {
        AdminClient.Response users = administrator.get("/admin/users?q=editor");
        AdminClient.Response page = editor.get("/admin/pages/" + pages.homeId() + "/edit");

        assertThat(users.status()).isEqualTo(301);
        assertThat(users.location()).isEqualTo("/admin/users/?q=editor");
        assertThat(page.status()).isEqualTo(301);
        assertThat(page.location()).isEqualTo("/admin/pages/" + pages.homeId() + "/edit/");
        assertThat(editor.get("/admin/no-such-screen").status()).isEqualTo(404);
    }

    @Test
    void theExplorerListsChildrenAndFindsPagesByTitleOrPathTypeAndStatus() {
        String slug = unique("explored");
        long section = pages.createUnderHome(slug, "Harbour walks").get("id").asLong();
        pages.create(section, "north-pier", "North pier");
        long live = pages.create(section, "south-pier", "South pier").get("id").asLong();
        pages.publish(section);
        pages.publish(live);

        AdminClient.Response children = editor.get("/admin/pages/" + section + "/");
        AdminClient.Response byTitle = editor.get("/admin/pages/?q=NORTH+pier");
        AdminClient.Response byPath = editor.get("/admin/pages/?q=" + slug + "/south");
        AdminClient.Response liveOnes = editor.get("/admin/pages/?q=" + slug + "&status=live");
        AdminClient.Response drafts = editor.get("/admin/pages/?q=" + slug + "&status=draft&type=layout_page");

        assertThat(children.status()).isEqualTo(200);
        assertThat(children.body()).contains("North pier", "South pier", "Child pages <small>(2)</small>");
        assertThat(byTitle.body()).contains("North pier").doesNotContain("South pier");
        assertThat(byPath.body()).contains("South pier").doesNotContain("North pier");
        assertThat(liveOnes.body()).contains("South pier", "Harbour walks").doesNotContain("North pier");
        assertThat(drafts.body()).contains("North pier").doesNotContain("South pier");
        assertThat(editor.get("/admin/pages/?status=sideways").status()).isEqualTo(400);
        assertThat(editor.get("/admin/pages/?type=nonsense").status()).isEqualTo(400);
    }

    @Test
    void anEditorAddsAPageThroughTheFormAndProblemsAreShownBesideTheirFields() {
        long home = pages.homeId();
        String slug = unique("added");

        AdminClient.Response invalid = editor.post("/admin/pages/add/" + home + "/layout_page/", "title", "", "slug", slug, "layout", "default",
                "slot.main", "k1", "b.k1.type", "heading", "b.k1.text", "", "b.k1.level", "h2");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("id=\"title-error\">a page needs a title", "id=\"b-k1-text-error\">this field is required");
        AdminClient.Response created = editor.post("/admin/pages/add/" + home + "/layout_page/", "title", "Added by form", "slug", slug,
                "layout", "wide", "f.seo_title", "SEO", "slot.main", "k1", "b.k1.type", "heading", "b.k1.text", "Welcome",
                "b.k1.level", "h2", "slot.main", "k2", "b.k2.type", "text", "b.k2.html", "<p>Hi<script>x()</script></p>");
        assertThat(created.status()).isEqualTo(303);
        long id = Long.parseLong(created.location().replaceAll("\\D+", " ").trim().split(" ")[0]);
        JsonNode draft = pages.draft(id);
        assertThat(draft.get("title").asString()).isEqualTo("Added by form");
        assertThat(draft.get("layout").asString()).isEqualTo("wide");
        assertThat(draft.get("fields").get("seo_title").asString()).isEqualTo("SEO");
        assertThat(draft.get("slots").get("main").get(0).get("type").asString()).isEqualTo("heading");
        assertThat(draft.get("slots").get("main").get(1).get("value").get("html").asString()).isEqualTo("<p>Hi</p>");
    }

    @Test
    void savingReordersAndRemovesBlocksAsTheFormOrdersThemAndAStaleSaveIsRefusedKeepingTheChanges() {
        long id = pages.createUnderHome(unique("edited"), "Edited", textBlock("<p>One</p>"), textBlock("<p>Two</p>")).get("id").asLong();
        assertThat(editor.get("/admin/pages/" + id + "/edit/").body()).contains("<p>One</p>", "<p>Two</p>");

        AdminClient.Response saved = editor.post("/admin/pages/" + id + "/edit/", "version", "1", "action", "save", "title", "Edited",
                "layout", "default", "slot.main", "b", "b.b.type", "text", "b.b.html", "<p>Two</p>",
                "slot.main", "a", "b.a.type", "text", "b.a.html", "<p>One</p>");
        assertThat(saved.status()).isEqualTo(303);
        assertThat(pages.draft(id).get("slots").get("main").findValuesAsString("html")).containsExactly("<p>Two</p>", "<p>One</p>");

        AdminClient.Response stale = editor.post("/admin/pages/" + id + "/edit/", "version", "1", "action", "save", "title", "My stale title",
                "layout", "default");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("someone else saved this page first", "version 2", "value=\"My stale title\"");
        assertThat(pages.draft(id).get("title").asString()).isEqualTo("Edited");
        assertThat(pages.draft(id).get("slots").get("main")).hasSize(2);
    }

    @Test
    void autosaveIsVersionCheckedAndTheHeartbeatWarnsOfOthersAndOfNewerSaves() {
        long id = pages.createUnderHome(unique("autosaved"), "Autosaved").get("id").asLong();
        PageScreens colleague = PageScreens.signedIn(port, accounts, AdminRole.MODERATOR);
        editor.get("/admin/pages/" + id + "/edit/");

        AdminClient.Response first = editor.post("/admin/pages/" + id + "/autosave/", "version", "1", "title", "Autosaved once", "layout", "default");
        AdminClient.Response stale = colleague.post("/admin/pages/" + id + "/autosave/", "version", "1", "title", "Theirs", "layout", "default");
        AdminClient.Response heartbeat = colleague.post("/admin/pages/" + id + "/heartbeat/", "version", "1");

        assertThat(first.body()).contains("Draft autosaved", "version 2", "id=\"pe-version\" value=\"2\"");
        assertThat(stale.body()).contains("Not autosaved", AdminRole.EDITOR.email());
        assertThat(pages.draft(id).get("title").asString()).isEqualTo("Autosaved once");
        assertThat(heartbeat.body()).contains(AdminRole.EDITOR.email() + " is editing this page now", "saved a newer version (2)");
        assertThat(editor.post("/admin/pages/" + id + "/heartbeat/", "version", "2").body()).contains(AdminRole.MODERATOR.email() + " is editing")
                .doesNotContain("newer version");
    }

    @Test
    void previewShowsUnsavedChangesInTheChosenLayoutWithoutSavingAndAPreviewLinkCanBeShared() {
        long id = pages.createUnderHome(unique("previewed"), "Previewed", textBlock("<p>Saved text</p>")).get("id").asLong();

        AdminClient.Response preview = editor.post("/admin/pages/" + id + "/preview/", "title", "Previewed", "layout", "wide",
                "slot.main", "x", "b.x.type", "text", "b.x.html", "<p>Unsaved text</p>");
        AdminClient.Response link = editor.post("/admin/pages/" + id + "/preview-link/", "days", "2");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("Unsaved text", "Preview of unsaved changes").doesNotContain("Saved text");
        assertThat(preview.header("Content-Security-Policy").orElse("")).contains("script-src 'none'");
        assertThat(pages.draft(id).get("slots").get("main").get(0).get("value").get("html").asString()).isEqualTo("<p>Saved text</p>");
        String url = link.body().replaceAll("(?s).*href=\"([^\"]+)\".*", "$1");
        assertThat(url).contains("/-/preview/");
        assertThat(anonymous.get(url).body()).contains("Saved text");
    }

    @Test
    void publishUnpublishAndScheduleFromTheEditor() {
        String slug = unique("published");
        long id = pages.createUnderHome(slug, "To publish").get("id").asLong();

        assertThat(administrator.post("/admin/pages/" + id + "/publish/", "version", "1").status()).isEqualTo(303);
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(200);
        assertThat(administrator.post("/admin/pages/" + id + "/unpublish/").status()).isEqualTo(303);
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);
        assertThat(administrator.post("/admin/pages/" + id + "/schedule/", "goLiveAt", "2099-01-02T03:04").status()).isEqualTo(303);
        assertThat(pages.draft(id).get("go_live_at").asString()).isEqualTo("2099-01-02T03:04:00Z");
        assertThat(editor.get("/admin/").body()).contains("To publish</a> goes live 2 Jan 2099, 03:04 UTC");
        AdminClient.Response bad = administrator.post("/admin/pages/" + id + "/schedule/", "goLiveAt", "next tuesday");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("such as 2026-12-01T09:00");
    }

    @Test
    void anEditorSubmitsAndAModeratorRequestsChangesThenApprovesWithTheDashboardShowingEachStep() {
        String slug = unique("reviewed");
        long id = pages.createUnderHome(slug, "Up for review").get("id").asLong();
        PageScreens moderator = PageScreens.signedIn(port, accounts, AdminRole.MODERATOR);

        AdminClient.Response submitted = editor.post("/admin/pages/" + id + "/edit/", "version", "1", "action", "submit", "title", "Up for review",
                "layout", "default", "assignee", AdminRole.MODERATOR.email(), "comment", "Please check");
        assertThat(submitted.status()).isEqualTo(303);
        assertThat(moderator.get("/admin/").body()).contains("Awaiting your review", "Up for review", "from " + AdminRole.EDITOR.email());
        assertThat(editor.get("/admin/").body()).contains("Your pages in review");
        assertThat(moderator.get("/admin/pages/?status=in-review&q=" + slug).body()).contains("Up for review");
        assertThat(moderator.get("/admin/pages/" + id + "/edit/").body()).contains("In review", "Submitted by " + AdminRole.EDITOR.email(),
                "assigned to " + AdminRole.MODERATOR.email(), "Approve and publish", "Request changes");

        AdminClient.Response noComment = moderator.post("/admin/pages/" + id + "/review/request-changes/", "comment", "");
        assertThat(noComment.status()).isEqualTo(409);
        assertThat(moderator.post("/admin/pages/" + id + "/review/request-changes/", "comment", "Add a photo").status()).isEqualTo(303);
        assertThat(editor.post("/admin/pages/" + id + "/review/submit/", "version", "2").status()).isEqualTo(303);
        assertThat(moderator.post("/admin/pages/" + id + "/review/approve/", "version", "2").status()).isEqualTo(303);

        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(200);
        assertThat(editor.get("/admin/pages/" + id + "/revisions/").body())
                .contains("approved</strong> by " + AdminRole.MODERATOR.email(), "changes requested</strong> by " + AdminRole.MODERATOR.email(), "Add a photo");
    }

    @Test
    void deletingShowsTheDescendantsFirstAndTheBinRestoresThem() {
        String slug = unique("deleted");
        long section = pages.createUnderHome(slug, "Doomed").get("id").asLong();
        pages.create(section, "inner", "Inner page");

        AdminClient.Response confirm = administrator.get("/admin/pages/" + section + "/delete/");
        assertThat(confirm.body()).contains("Descendants that go with it", "Inner page", "/" + slug + "/inner/", "restorable for 30 days");
        assertThat(administrator.post("/admin/pages/" + section + "/delete/").status()).isEqualTo(303);
        assertThat(pages.draft(section).has("id")).isFalse();
        assertThat(administrator.get("/admin/pages/bin/").body()).contains("Doomed", "/" + slug + "/");

        assertThat(administrator.post("/admin/pages/bin/" + section + "/restore/").status()).isEqualTo(303);
        assertThat(pages.draft(section).get("path").asString()).isEqualTo("/" + slug + "/");
    }

    @Test
    void copyingWithDescendantsMovingAndReorderingWorkFromTheExplorer() {
        String slug = unique("copied");
        long section = pages.createUnderHome(slug, "Original").get("id").asLong();
        long first = pages.create(section, "first", "First").get("id").asLong();
        long second = pages.create(section, "second", "Second").get("id").asLong();

        AdminClient.Response copied = administrator.post("/admin/pages/" + section + "/copy/", "parent", String.valueOf(pages.homeId()),
                "slug", slug + "-copy", "descendants", "true");
        assertThat(copied.status()).isEqualTo(303);
        assertThat(api.get("/api/v2/pages/?path=/" + slug + "-copy/second/&draft=true").json().get("meta").get("total").asInt()).isEqualTo(1);
        AdminClient.Response clash = administrator.post("/admin/pages/" + section + "/copy/", "parent", String.valueOf(pages.homeId()), "slug", slug);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body()).contains("give the copy another slug");

        assertThat(administrator.post("/admin/pages/" + second + "/reorder/", "direction", "up").status()).isEqualTo(303);
        assertThat(api.get("/api/v2/pages/?parent=" + section + "&draft=true").json().get("items").findValuesAsString("slug"))
                .containsExactly("second", "first");
        assertThat(administrator.post("/admin/pages/" + first + "/move/", "parent", String.valueOf(second)).status()).isEqualTo(303);
        assertThat(pages.draft(first).get("path").asString()).isEqualTo("/" + slug + "/second/first/");
    }

    @Test
    void anEditorWhoMayNotPublishReordersAndMovesDraftsButNotLivePages() {
        String slug = unique("ordered");
        long section = pages.createUnderHome(slug, "Ordered").get("id").asLong();
        pages.publish(section);
        long live = pages.create(section, "live", "Live").get("id").asLong();
        pages.publish(live);
        long draft = pages.create(section, "draft", "Draft").get("id").asLong();
        String elsewhereSlug = unique("elsewhere");
        long elsewhere = pages.createUnderHome(elsewhereSlug, "Elsewhere").get("id").asLong();
        pages.publish(elsewhere);

        AdminClient.Response explorer = editor.get("/admin/pages/" + section + "/");
        assertThat(explorer.body()).contains("aria-label=\"Move Draft up\"").doesNotContain("aria-label=\"Move Live up\"");
        assertThat(administrator.get("/admin/pages/" + section + "/").body()).contains("aria-label=\"Move Live up\"");

        AdminClient.Response reorderLive = editor.post("/admin/pages/" + live + "/reorder/", "direction", "down");
        assertThat(reorderLive.status()).isEqualTo(403);
        assertThat(reorderLive.body()).contains("Reordering live pages under /" + slug + "/ needs the publish permission there");
        assertThat(editor.get("/admin/pages/" + live + "/move/").body()).contains("This page is live, so moving it changes the live site")
                .doesNotContain("Move here");
        // Searched for: the move screen lists the first 30 places, and other tests' pages come first in tree order.
        assertThat(editor.get("/admin/pages/" + draft + "/move/?q=" + elsewhereSlug).body()).contains("aria-label=\"Move under Elsewhere\"")
                .doesNotContain("changes the live site");
        AdminClient.Response moveLive = editor.post("/admin/pages/" + live + "/move/", "parent", String.valueOf(elsewhere));
        assertThat(moveLive.status()).isEqualTo(403);
        assertThat(moveLive.body()).contains("changes the live site");
        assertThat(anonymous.get("/" + slug + "/live/").status()).as("still where it was").isEqualTo(200);

        assertThat(editor.post("/admin/pages/" + draft + "/reorder/", "direction", "up").status()).isEqualTo(303);
        assertThat(editor.post("/admin/pages/" + draft + "/move/", "parent", String.valueOf(elsewhere)).status()).isEqualTo(303);
        assertThat(administrator.post("/admin/pages/" + live + "/move/", "parent", String.valueOf(elsewhere)).status()).isEqualTo(303);
    }

    @Test
    void theMoveScreenListsTheSectionsAnEditorMayAddToEvenWhenThePagesBeforeThemAreClosedToThem() {
        long mine = pages.createUnderHome(unique("mine"), "My section").get("id").asLong();
        long page = pages.create(mine, unique("movable"), "Movable").get("id").asLong();
        long target = pages.create(mine, unique("target"), "My target").get("id").asLong();
        String group = unique("One section");
        long groupId = groups.create(group, "", java.util.Set.of()).id();
        groups.grant(groupId, mine, dev.floe.accounts.PageAction.ADD);
        groups.grant(groupId, mine, dev.floe.accounts.PageAction.EDIT);
        String email = unique("section-editor") + "@floe.test";
        accounts.createUser(email, "Section editor", AdminRole.PASSWORD, false, java.util.Set.of(group));
        AdminClient sectionEditor = AdminClient.signedIn(port, email, AdminRole.PASSWORD);
        for (int i = 0; i < 31; i++) {
            pages.createUnderHome(unique("closed"), "Closed " + i);
        }
        // Now more than 30 pages come before the section in tree order ("closed-…" sorts before "mine-…"), none open to them.

        String screen = sectionEditor.get("/admin/pages/" + page + "/move/").body();

        assertThat(screen).contains("aria-label=\"Move under My target\"").doesNotContain("Closed 0", "Only the first");
    }

    @Test
    void revisionsAreComparedAndAnEarlierOneRestored() {
        long id = pages.createUnderHome(unique("revised"), "First title").get("id").asLong();
        pages.edit(id, 1, Map.of("title", "Second title"));
        var revisions = api.get("/api/v2/pages/" + id + "/revisions/").json().get("items");
        long newest = revisions.get(0).get("id").asLong();
        long oldest = revisions.get(1).get("id").asLong();

        AdminClient.Response compared = editor.get("/admin/pages/" + id + "/revisions/?from=" + oldest + "&to=" + newest);
        assertThat(compared.body()).contains("<del>First title</del>", "<ins>Second title</ins>");
        assertThat(editor.post("/admin/pages/" + id + "/revisions/" + oldest + "/restore/", "version", "1").status())
                .as("restoring from an old version is refused").isEqualTo(409);
        assertThat(editor.post("/admin/pages/" + id + "/revisions/" + oldest + "/restore/", "version", "2").status()).isEqualTo(303);
        assertThat(pages.draft(id).get("title").asString()).isEqualTo("First title");
    }

    @Test
    void everyPageActionChecksThePermissionOnTheServer() {
        String slug = unique("guarded");
        long id = pages.createUnderHome(slug, "Guarded").get("id").asLong();
        PageScreens nobody = PageScreens.signedIn(port, accounts, AdminRole.NO_GROUP);

        assertThat(editor.post("/admin/pages/" + id + "/publish/", "version", "1").status()).as("editors do not publish").isEqualTo(403);
        assertThat(editor.post("/admin/pages/" + id + "/edit/", "version", "1", "action", "publish", "title", "X", "layout", "default").status())
                .isEqualTo(403);
        assertThat(editor.post("/admin/pages/" + id + "/delete/").status()).as("editors do not delete").isEqualTo(403);
        assertThat(editor.get("/admin/pages/" + id + "/delete/").status()).isEqualTo(403);
        assertThat(editor.post("/admin/pages/" + id + "/schedule/", "goLiveAt", "2099-01-01T00:00").status()).isEqualTo(403);
        assertThat(editor.post("/admin/pages/" + id + "/review/approve/", "version", "1").status()).isEqualTo(403);
        assertThat(nobody.get("/admin/pages/").status()).as("no page permission, no explorer").isEqualTo(403);
        assertThat(editor.get("/admin/pages/bin/").status()).as("the bin is for those who may delete").isEqualTo(403);
        assertThat(nobody.get("/admin/pages/" + id + "/edit/").status()).isEqualTo(403);
        assertThat(nobody.post("/admin/pages/" + id + "/autosave/", "version", "1", "title", "Taken over", "layout", "default").status())
                .isEqualTo(403);
        assertThat(pages.draft(id).get("title").asString()).isEqualTo("Guarded");
        assertThat(anonymous.get("/" + slug + "/").status()).isEqualTo(404);
        assertThat(editor.get("/admin/pages/" + id + "/edit/").body()).doesNotContain("value=\"publish\"");
    }
}
