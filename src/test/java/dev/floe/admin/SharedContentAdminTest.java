package dev.floe.admin;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** The shared content screens over HTTP: permissions, CSRF, block validation beside the fields, delete refused while used, cache purge. */
class SharedContentAdminTest extends FloeIntegrationTest {

    private static long idOf(AdminClient.Response created) {
        Matcher matcher = Pattern.compile("/admin/shared-content/(\\d+)/").matcher(created.location());
        assertThat(matcher.find()).as(created.location()).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static Map<String, Object> placed(long id) {
        return Map.of("type", "shared_content", "value", Map.of("shared_content", id));
    }

    @Test
    void anAdministratorAddsFindsAndEditsSharedContentAndThePagesShowingItAreNotServedStale() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.get("/admin/").body()).contains("href=\"/admin/shared-content/\"");
        String name = unique("hours");
        assertThat(admin.get("/admin/shared-content/new/").body()).contains("data-block-form=\"/admin/shared-content/block-form/\"",
                "<option value=\"text\"").doesNotContain("<option value=\"shared_content\"");

        AdminClient.Response created = admin.postForm("/admin/shared-content/new/", "title", "Opening hours", "name", name,
                "slot.blocks", "k1", "b.k1.type", "text", "b.k1.html", "<p>Open nine to five</p>");
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        long id = idOf(created);
        assertThat(admin.get("/admin/shared-content/?q=" + name).body()).contains("1 item of shared content matching",
                "<a href=\"/admin/shared-content/" + id + "/\">Opening hours</a>");
        assertThat(admin.get("/admin/shared-content/?q=no-such-" + name).body()).contains("0 items");
        assertThat(admin.get("/admin/shared-content/" + id + "/").body()).contains("value=\"" + name + "\"", "Open nine to five");

        String slug = unique("visit");
        Pages pages = new Pages(api);
        pages.publish(pages.createUnderHome(slug, "Visit", textBlock("<p>Welcome</p>"), placed(id)).get("id").asLong());
        AdminClient visitor = AdminClient.anonymous(port);
        visitor.get("/" + slug + "/");
        AdminClient.Response cached = visitor.get("/" + slug + "/");
        assertThat(cached.header("X-Floe-Cache")).hasValue("hit");
        assertThat(cached.body()).contains("Open nine to five");

        AdminClient.Response saved = admin.postForm("/admin/shared-content/" + id + "/", "title", "Opening hours", "name", name,
                "slot.blocks", "a", "b.a.type", "quote", "b.a.text", "Closed on Mondays",
                "slot.blocks", "b", "b.b.type", "text", "b.b.html", "<p>Open ten to four</p>");
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        AdminClient.Response fresh = visitor.get("/" + slug + "/");
        assertThat(fresh.header("X-Floe-Cache")).hasValue("miss");
        assertThat(fresh.body()).contains("Closed on Mondays", "Open ten to four").doesNotContain("nine to five");
        assertThat(fresh.body().indexOf("Closed on Mondays")).isLessThan(fresh.body().indexOf("Open ten to four"));
    }

    @Test
    void mistakesAreShownBesideTheBlockAndFieldTheyConcernAndNothingIsStored() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String taken = unique("taken");
        assertThat(admin.postForm("/admin/shared-content/new/", "title", "Taken", "name", taken).status()).isEqualTo(303);

        AdminClient.Response refused = admin.postForm("/admin/shared-content/new/", "title", "", "name", "Not A Name!",
                "slot.blocks", "k1", "b.k1.type", "text", "b.k1.html", "<p>kept as typed</p>",
                "slot.blocks", "k2", "b.k2.type", "quote", "b.k2.text", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"id_name_error\"", "is not a valid name", "id=\"id_title_error\"",
                "Shared content needs a title", "id=\"b-k2-text-error\"", "Slot &#39;blocks&#39;, block 2 (quote), field &#39;text&#39;: this field is required",
                "kept as typed", "value=\"Not A Name!\"");

        AdminClient.Response duplicate = admin.postForm("/admin/shared-content/new/", "title", "Again", "name", taken);
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("id=\"id_name_error\"", "There is already shared content named");

        AdminClient.Response nested = admin.postForm("/admin/shared-content/new/", "title", "Nested", "name", unique("nested"),
                "slot.blocks", "k1", "b.k1.type", "shared_content", "b.k1.shared_content", "1");
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.body()).contains("does not accept shared_content blocks");
        assertThat(admin.get("/admin/shared-content/block-form/?slot=blocks&type=shared_content").status()).isEqualTo(400);
        assertThat(admin.get("/admin/shared-content/block-form/?slot=blocks&type=quote").body()).contains("name=\"slot.blocks\"", "Quote");

        assertThat(admin.get("/admin/shared-content/?q=nested").body()).doesNotContain("Nested</a>");
        assertThat(admin.get("/admin/shared-content/987654321/").status()).isEqualTo(404);
    }

    @Test
    void sharedContentThatAPagePlacesCannotBeDeletedAndTheConfirmationNamesThePages() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        long used = idOf(admin.postForm("/admin/shared-content/new/", "title", "Used", "name", unique("used")));
        long unused = idOf(admin.postForm("/admin/shared-content/new/", "title", "Unused", "name", unique("unused")));
        String slug = unique("placing");
        new Pages(api).createUnderHome(slug, "Placing", placed(used));

        assertThat(admin.get("/admin/shared-content/" + used + "/").body()).contains("Used on 1 page", "/" + slug + "/");
        assertThat(admin.get("/admin/shared-content/" + unused + "/").body()).contains("No page uses this shared content.");
        assertThat(admin.get("/admin/shared-content/" + used + "/delete/").body()).contains("cannot be deleted while 1 page places it",
                "/" + slug + "/").doesNotContain("Yes, delete it");
        AdminClient.Response refused = admin.postForm("/admin/shared-content/" + used + "/delete/");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("/" + slug + "/");
        assertThat(admin.get("/admin/shared-content/" + used + "/").status()).isEqualTo(200);

        assertThat(admin.get("/admin/shared-content/" + unused + "/delete/").body()).contains("Yes, delete it");
        AdminClient.Response deleted = admin.postForm("/admin/shared-content/" + unused + "/delete/");
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(admin.get("/admin/shared-content/").body()).contains("was deleted.");
        assertThat(admin.get("/admin/shared-content/" + unused + "/").status()).isEqualTo(404);
    }

    @Test
    void onlyThoseWhoManageSharedContentGetInAndEveryChangeNeedsTheCsrfToken() {
        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        assertThat(editor.get("/admin/").body()).doesNotContain("href=\"/admin/shared-content/\"");
        assertThat(editor.get("/admin/shared-content/").status()).isEqualTo(403);
        String name = unique("editor-try");
        assertThat(editor.postForm("/admin/shared-content/new/", "title", "Try", "name", name).status()).isEqualTo(403);

        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.postWithoutToken("/admin/shared-content/new/", Map.of("title", "Try", "name", name)).status()).isEqualTo(403);
        assertThat(admin.get("/admin/shared-content/?q=" + name).body()).contains("0 items");
    }
}
