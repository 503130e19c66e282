package dev.floe.pages;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.floe.admin.AdminClient;
import dev.floe.admin.AdminRole;
import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/**
 * A page whose type this release does not declare, as after rolling back to a release (or a site.yaml) from before the
 * type was added: the site keeps showing it as published, with the default layout and the blocks it still knows, and a
 * change to it is refused with 409 and a sentence rather than failing with 500.
 */
class UndeclaredPageTypeTest extends FloeIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPageOfATypeNoLongerDeclaredIsShownAndItsChangesAreRefusedInWords() {
        Pages pages = new Pages(api);
        String slug = unique("campaign");
        long id = pages.createUnderHome(slug, "Spring campaign", textBlock("<p>Tickets at the door.</p>")).get("id").asLong();
        pages.publish(id);
        // As the release that declared the type left it; this one has never heard of it.
        jdbc.update("update page set page_type = 'retired_campaign' where id = ?", id);

        Api.Response shown = anonymous.get("/" + slug + "/");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Spring campaign", "Tickets at the door.");
        assertThat(anonymous.get("/sitemap.xml").body()).as("still listed for search engines").contains("/" + slug + "/");

        Api.Response edited = api.patch("/api/v2/pages/" + id + "/", Map.of("title", "Summer campaign", "version", 1));
        assertThat(edited.status()).isEqualTo(409);
        assertThat(edited.json().get("error").asString()).startsWith("The page type 'retired_campaign' is not declared in this release");
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        assertThat(admin.get("/admin/pages/?q=" + slug).body()).as("the explorer lists it").contains("Spring campaign");
        AdminClient.Response editor = admin.get("/admin/pages/" + id + "/edit/");
        assertThat(editor.status()).isEqualTo(409);
        assertThat(editor.body()).contains("is not declared in this release");
        assertThat(anonymous.get("/" + slug + "/").body()).as("nothing changed").contains("Spring campaign");
    }
}
