package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** The page chooser beside menu items' and redirects' page fields: browsing the tree, searching, and who may use it. */
class PageChooserAdminTest extends FloeIntegrationTest {

    @Test
    void theChooserBrowsesDownTheTreeAndFindsPagesByTitleOrPath() {
        Pages pages = new Pages(api);
        String section = unique("harbour");
        long parent = pages.createUnderHome(section, "Harbour " + section).get("id").asLong();
        long child = pages.create(parent, "moorings", "Moorings").get("id").asLong();
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);

        // Other tests' pages under home come first in tree order: the new section is on the chooser's last page of 20.
        long lastPage = (dev.floe.api.PageState.childCount(api, pages.homeId()) + 19) / 20;
        String top = admin.get("/admin/pages/chooser/" + (lastPage > 1 ? "?page=" + lastPage : "")).body();
        assertThat(top).contains("data-chooser-kind=\"pages\"", "data-choose=\"" + pages.homeId() + "\"",
                "data-choose=\"" + parent + "\"", "data-choose-label=\"Harbour " + section + " (/" + section + "/)\"",
                "data-chooser-load=\"?parent=" + parent + "\"", "Browse the 1 page under Harbour " + section);

        String under = admin.get("/admin/pages/chooser/?parent=" + parent).body();
        assertThat(under).contains("data-chooser-load=\"?parent=" + pages.homeId() + "\"", "<strong>Harbour " + section + "</strong>",
                "data-choose=\"" + child + "\"", "/" + section + "/moorings/", "1 page under Harbour " + section, "not live");

        String found = admin.get("/admin/pages/chooser/?q=" + section + "/moor").body();
        assertThat(found).contains("1 page matching", "data-choose=\"" + child + "\"").doesNotContain("data-choose=\"" + parent + "\"");
        assertThat(admin.get("/admin/pages/chooser/?parent=987654321").body()).contains("data-choose=\"" + pages.homeId() + "\"");
    }

    @Test
    void theMenuAndRedirectFormsOfferTheChooserAndNameTheChosenPage() {
        long home = new Pages(api).homeId();
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String redirect = "/" + unique("to-home") + "/";
        assertThat(admin.postForm("/admin/redirects/new/", "old_path", redirect, "target_page", Long.toString(home)).status()).isEqualTo(303);
        String list = admin.get("/admin/redirects/?q=" + redirect).body();
        String id = list.replaceAll("(?s).*<a href=\"/admin/redirects/(\\d+)/\">" + redirect + "</a>.*", "$1");

        String form = admin.get("/admin/redirects/" + id + "/").body();
        assertThat(form).contains("data-chooser=\"pages\"", "data-chooser-url=\"/admin/pages/chooser/\"",
                "aria-controls=\"id_target_page_panel\"", "id=\"id_target_page_chosen\"", "(/)</span>", "admin/media/chooser.js");

        String menu = unique("chooser-menu");
        assertThat(admin.postForm("/admin/menus/new/", "name", menu, "label", "Chooser").status()).isEqualTo(303);
        AdminClient.Response added = admin.postForm("/admin/menus/" + menu + "/", "count", "0", "label", "Chooser", "action", "add");
        assertThat(added.body()).contains("data-chooser-url=\"/admin/pages/chooser/\"", "aria-controls=\"id_page_0_panel\"", "No page chosen.");
    }

    @Test
    void onlyThoseWhoEditPagesMenusOrRedirectsMayChoosePages() {
        assertThat(AdminClient.signedIn(port, accounts, AdminRole.EDITOR).get("/admin/pages/chooser/").status()).isEqualTo(200);
        assertThat(AdminClient.signedIn(port, accounts, AdminRole.NO_GROUP).get("/admin/pages/chooser/").status()).isEqualTo(403);
        assertThat(AdminClient.anonymous(port).get("/admin/pages/chooser/").status()).isEqualTo(302);
    }

    @Test
    void thePageEditorOffersTheChooserOnThePageFieldsOfBlocksAndNamesTheChosenPage() {
        Pages pages = new Pages(api);
        long home = pages.homeId();
        long page = pages.createUnderHome(unique("linking"), "Linking",
                Map.of("type", "page_link", "value", Map.of("page", home))).get("id").asLong();
        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);

        String form = editor.get("/admin/pages/" + page + "/edit/").body();
        assertThat(form).contains("data-chooser=\"pages\" data-chooser-url=\"/admin/pages/chooser/\"", "Home (/)</span>",
                "name=\"b.", ".page\" value=\"" + home + "\"", ">Choose a page</button>", "admin/media/chooser.js");

        String added = editor.get("/admin/pages/block-form/?slot=main&type=call_to_action").body();
        assertThat(added).contains("data-chooser=\"pages\"", "No page chosen.");
    }
}
