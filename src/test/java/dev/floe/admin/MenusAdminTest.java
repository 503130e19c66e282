package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.navigation.Menus;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** The menu screens over HTTP: making a menu, editing its items by the form's buttons, validation, permissions, CSRF. */
class MenusAdminTest extends FloeIntegrationTest {

    @Autowired
    Menus menus;

    @Test
    void anAdministratorMakesAMenuAndArrangesItsItemsByTheFormsButtons() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.get("/admin/").body()).contains("href=\"/admin/menus/\"");
        String name = unique("footer").toLowerCase(java.util.Locale.ROOT);
        AdminClient.Response made = admin.postForm("/admin/menus/new/", "name", name, "label", "Footer links");
        assertThat(made.status()).as(made.body()).isEqualTo(303);
        assertThat(made.location()).isEqualTo("/admin/menus/" + name + "/");
        assertThat(admin.get("/admin/menus/").body()).contains("Footer links", "<code>" + name + "</code>");
        assertThat(admin.postForm("/admin/menus/new/", "name", name).body()).contains("There is already a menu called " + name);

        long home = new Pages(api).homeId();
        String path = "/admin/menus/" + name + "/";
        AdminClient.Response added = admin.postForm(path, "label", "Footer links", "count", "0", "action", "add");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("not saved yet", "<label for=\"id_label_0\">Label", "id=\"item_0\" tabindex=\"-1\" autofocus");
        assertThat(menus.get(name).items()).isEmpty();

        // Three rows: Home (a page), Contact (an address) as a sub-item, News (an address); then News moves up twice.
        String[] rows = {"label", "Footer links", "count", "3",
                "label_0", "Home", "page_0", Long.toString(home), "url_0", "",
                "label_1", "Contact", "page_1", "", "url_1", "mailto:hello@example.org", "child_1", "true",
                "label_2", "News", "page_2", "", "url_2", "/news/"};
        AdminClient.Response moved = admin.postForm(path, concat(rows, "action", "up:2"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().indexOf("value=\"News\"")).isLessThan(moved.body().indexOf("value=\"Contact\""));
        assertThat(moved.body()).contains("id=\"up_1\" class=\"button-secondary\" autofocus");

        String[] arranged = {"label", "Footer links", "count", "3",
                "label_0", "News", "page_0", "", "url_0", "/news/",
                "label_1", "Home", "page_1", Long.toString(home), "url_1", "",
                "label_2", "Contact", "page_2", "", "url_2", "mailto:hello@example.org", "child_2", "true"};
        AdminClient.Response removed = admin.postForm(path, concat(arranged, "action", "remove:0"));
        assertThat(removed.body()).doesNotContain("value=\"News\"").contains("value=\"Home\"", "value=\"Contact\"");

        AdminClient.Response saved = admin.postForm(path, concat(arranged, "action", "save"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        Menus.Definition menu = menus.get(name);
        assertThat(menu.items()).extracting(Menus.Item::label).containsExactly("News", "Home");
        assertThat(menu.items().get(1).children()).containsExactly(new Menus.Item("Contact", null, "mailto:hello@example.org", List.of()));
        assertThat(menu.items().get(1).page()).isEqualTo(home);
        assertThat(menu.updatedBy()).isEqualTo(AdminRole.ADMINISTRATOR.email());
        assertThat(admin.get(path).body()).contains("was saved", "Links to ");
    }

    @Test
    void mistakesAreShownBesideTheItemAndNothingIsStored() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String name = unique("side").toLowerCase(java.util.Locale.ROOT);
        menus.replace(name, "Side", List.of(new Menus.Item("Kept", null, "/kept/", List.of())), new dev.floe.pages.Author("tests@floe.test", java.util.Set.of("manage_menus")));
        String path = "/admin/menus/" + name + "/";

        AdminClient.Response refused = admin.postForm(path, "label", "Side", "count", "4", "action", "save",
                "label_0", "", "page_0", "", "url_0", "/fine/",
                "label_1", "Bad address", "page_1", "", "url_1", "javascript:alert(1)",
                "label_2", "No page", "page_2", "987654321", "url_2", "",
                "label_3", "Not a number", "page_3", "home", "url_3", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"id_page_3_error\"", "by its number");

        refused = admin.postForm(path, "label", "Side", "count", "3", "action", "save",
                "label_0", "", "page_0", "", "url_0", "/fine/",
                "label_1", "Bad address", "page_1", "", "url_1", "javascript:alert(1)",
                "label_2", "No page", "page_2", "987654321", "url_2", "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"id_label_0_error\"", "This item needs a label",
                "id=\"id_url_1_error\"", "The url must be http(s)",
                "id=\"id_page_2_error\"", "This item links to page 987654321, which does not exist",
                "value=\"Bad address\"");

        AdminClient.Response orphan = admin.postForm(path, "label", "Side", "count", "1", "action", "save",
                "label_0", "Alone", "url_0", "/alone/", "child_0", "true");
        assertThat(orphan.status()).isEqualTo(422);
        assertThat(orphan.body()).contains("The first item cannot be a sub-item");

        assertThat(menus.get(name).items()).extracting(Menus.Item::label).containsExactly("Kept");
        assertThat(admin.postForm(path, "count", "0", "action", "sideways").status()).isEqualTo(400);
        assertThat(admin.get("/admin/menus/no-such-menu/").status()).isEqualTo(404);
    }

    @Test
    void savingTheMainMenuShowsOnTheSiteAtOnce() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        Menus.Definition before = menus.all().stream().filter(m -> m.name().equals("main")).findFirst().orElse(null);
        AdminClient visitor = AdminClient.anonymous(port);
        visitor.get("/");
        String label = unique("Visit us");
        try {
            if (before == null) {
                assertThat(admin.postForm("/admin/menus/new/", "name", "main", "label", "Main").status()).isEqualTo(303);
            }
            AdminClient.Response saved = admin.postForm("/admin/menus/main/", "label", "Main", "count", "1", "action", "save",
                    "label_0", label, "url_0", "/visit/");
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            assertThat(visitor.get("/").body()).contains(label);
        } finally {
            if (before == null) {
                menus.delete("main");
            } else {
                menus.replace("main", before.label(), before.items(), new dev.floe.pages.Author("tests@floe.test", java.util.Set.of("manage_menus")));
            }
        }
    }

    @Test
    void onlyThoseWhoManageMenusGetInAndEveryChangeNeedsTheCsrfToken() {
        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        assertThat(editor.get("/admin/").body()).doesNotContain("href=\"/admin/menus/\"");
        assertThat(editor.get("/admin/menus/").status()).isEqualTo(403);
        String name = unique("nope").toLowerCase(java.util.Locale.ROOT);
        assertThat(editor.postForm("/admin/menus/new/", "name", name).status()).isEqualTo(403);

        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.postWithoutToken("/admin/menus/new/", java.util.Map.of("name", name)).status()).isEqualTo(403);
        assertThat(menus.all()).extracting(Menus.Definition::name).doesNotContain(name);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void anAdministratorDeletesAMenuAfterConfirmingAndPagesShowingItAreNotServedStale() {
        String label = unique("Tide times");
        String slug = unique("menu-delete");
        Pages pages = new Pages(api);
        pages.publish(pages.createUnderHome(slug, "Menu delete").get("id").asLong());
        assertThat(api.put("/api/v2/menus/footer/", java.util.Map.of("items", List.of(java.util.Map.of("label", label, "url", "/tides/")))).status()).isEqualTo(200);
        AdminClient visitor = AdminClient.anonymous(port);
        visitor.get("/" + slug + "/");
        AdminClient.Response cached = visitor.get("/" + slug + "/");
        assertThat(cached.header("X-Floe-Cache")).hasValue("hit");
        assertThat(cached.body()).contains(label);

        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        assertThat(editor.get("/admin/menus/footer/delete/").status()).isEqualTo(403);
        assertThat(editor.postForm("/admin/menus/footer/delete/").status()).isEqualTo(403);
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.postWithoutToken("/admin/menus/footer/delete/", java.util.Map.of()).status()).isEqualTo(403);
        assertThat(menus.get("footer").items()).hasSize(1);

        assertThat(admin.get("/admin/menus/").body()).contains("href=\"/admin/menus/footer/delete/\"");
        assertThat(admin.get("/admin/menus/footer/").body()).contains("href=\"/admin/menus/footer/delete/\"");
        assertThat(admin.get("/admin/menus/footer/delete/").body()).contains("Its 1 item goes with it", "Yes, delete it");
        AdminClient.Response deleted = admin.postForm("/admin/menus/footer/delete/");
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(admin.get("/admin/menus/").body()).contains("was deleted").doesNotContain("<code>footer</code>");
        assertThat(admin.get("/admin/menus/footer/delete/").status()).isEqualTo(404);
        assertThat(admin.postForm("/admin/menus/footer/delete/").status()).isEqualTo(404);

        AdminClient.Response fresh = visitor.get("/" + slug + "/");
        assertThat(fresh.header("X-Floe-Cache")).hasValue("miss");
        assertThat(fresh.body()).doesNotContain(label);
    }
}
