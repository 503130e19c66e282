package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;

/** The site settings and response page screens over HTTP: permissions, CSRF, validation beside the fields, and what visitors then get. */
class SiteSettingsAdminTest extends FloeIntegrationTest {

    @Test
    void anAdministratorEditsRobotsTxtAndPutsTheDefaultBack() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.get("/admin/").body()).contains("href=\"/admin/settings/\"");
        assertThat(admin.get("/admin/settings/").body()).contains("<label for=\"id_robots_txt\">robots.txt", "Sitemap: ",
                "href=\"/admin/settings/response-pages/404/\"", "href=\"/admin/settings/response-pages/500/\"");
        try {
            AdminClient.Response saved = admin.postForm("/admin/settings/", "robots_txt", "# ours\nUser-agent: *\nDisallow: /drafts/\n");
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            assertThat(admin.get("/admin/settings/").body()).contains("The site settings were saved.", "Disallow: /drafts/");
            assertThat(AdminClient.anonymous(port).get("/robots.txt").body()).isEqualTo("# ours\nUser-agent: *\nDisallow: /drafts/\n");
        } finally {
            assertThat(admin.postForm("/admin/settings/", "robots_txt", "", "robots_default", "true").status()).isEqualTo(303);
        }
        assertThat(AdminClient.anonymous(port).get("/robots.txt").body()).contains("Sitemap: ").doesNotContain("/drafts/");
    }

    @Test
    void aRobotsTxtThatIsNotRulesIsRefusedBesideTheFieldAndNothingChanges() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String before = AdminClient.anonymous(port).get("/robots.txt").body();

        AdminClient.Response refused = admin.postForm("/admin/settings/", "robots_txt", "User-agent: *\nplease do not index me\n");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"id_robots_txt_error\"", "Line 2 (&#39;please do not index me&#39;) is not a rule",
                "User-agent: *\nplease do not index me\n</textarea>");
        AdminClient.Response tooLong = admin.postForm("/admin/settings/", "robots_txt", "Disallow: /" + "x".repeat(20_000));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"id_robots_txt_error\"", "May be at most 20000 characters long");
        assertThat(admin.postForm("/admin/settings/").status()).isEqualTo(422);

        assertThat(AdminClient.anonymous(port).get("/robots.txt").body()).isEqualTo(before);
    }

    @Test
    void anAdministratorEditsThe404PageAndVisitorsOfAMissingPageSeeIt() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.get("/admin/settings/response-pages/404/").body()).contains("value=\"Page not found\"",
                "data-block-form=\"/admin/settings/response-pages/block-form/\"", "<option value=\"call_to_action\"")
                .doesNotContain("<option value=\"raw_html\"");
        try {
            AdminClient.Response saved = admin.postForm("/admin/settings/response-pages/404/", "title", "Lost at sea",
                    "slot.main", "k1", "b.k1.type", "text", "b.k1.html", "<p>Try the <a href=\"/\">harbour</a>.</p>");
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            AdminClient.Response missing = AdminClient.anonymous(port).get("/" + unique("nowhere") + "/");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("Lost at sea", "harbour");
            assertThat(admin.get("/admin/settings/response-pages/404/").body()).contains("value=\"Lost at sea\"", "harbour");
        } finally {
            api.put("/api/v2/response-pages/404/", Map.of("title", "Page not found", "slots", Map.of("main", List.of())));
        }
    }

    @Test
    void responsePageMistakesAreShownBesideTheFieldsAndNothingIsStored() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        AdminClient.Response refused = admin.postForm("/admin/settings/response-pages/500/", "title", "",
                "slot.main", "q", "b.q.type", "quote", "b.q.text", "",
                "slot.main", "r", "b.r.type", "raw_html", "b.r.html", "<p>raw</p>");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"id_title_error\"", "A response page needs a title",
                "id=\"b-q-text-error\"", "Slot &#39;main&#39;, block 1 (quote), field &#39;text&#39;: this field is required",
                "does not accept raw_html blocks");
        assertThat(admin.get("/admin/settings/response-pages/500/").body()).contains("value=\"Something went wrong\"");
        assertThat(admin.get("/admin/settings/response-pages/403/").status()).isEqualTo(404);
        assertThat(admin.postForm("/admin/settings/response-pages/403/", "title", "Forbidden").status()).isEqualTo(404);
        assertThat(admin.get("/admin/settings/response-pages/block-form/?slot=main&type=raw_html").status()).isEqualTo(400);
    }

    @Test
    void onlyThoseWhoManageSettingsGetInAndEveryChangeNeedsTheCsrfToken() {
        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        assertThat(editor.get("/admin/").body()).doesNotContain("href=\"/admin/settings/\"");
        assertThat(editor.get("/admin/settings/").status()).isEqualTo(403);
        assertThat(editor.postForm("/admin/settings/", "robots_txt", "Disallow: /").status()).isEqualTo(403);
        assertThat(editor.postForm("/admin/settings/response-pages/404/", "title", "Editor was here").status()).isEqualTo(403);

        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.postWithoutToken("/admin/settings/", Map.of("robots_txt", "Disallow: /")).status()).isEqualTo(403);
        assertThat(admin.postWithoutToken("/admin/settings/response-pages/404/", Map.of("title", "No token")).status()).isEqualTo(403);
        assertThat(AdminClient.anonymous(port).get("/robots.txt").body()).doesNotContain("Disallow: /\n").contains("Sitemap:");
        assertThat(admin.get("/admin/settings/response-pages/404/").body()).doesNotContain("Editor was here", "No token");
    }
}
