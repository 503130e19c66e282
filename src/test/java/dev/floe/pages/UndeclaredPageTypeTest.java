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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A page whose type this release does not declare, as after rolling back to a release (or a site.yaml) from before the
 * type was added: the site keeps showing it as published, with the default layout and the blocks it still knows, and a
 * change to it is refused with 409 and a sentence rather than failing with 500.
 */
class UndeclaredPageTypeTest extends FloeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    @Test
    void theEditorSaysWhichBlocksItCannotShowBeforeSavingDropsThem() {
        Pages pages = new Pages(api);
        String slug = unique("notices");
        long id = pages.createUnderHome(slug, "Notices", textBlock("<p>Kept</p>"), textBlock("<p>Retired</p>")).get("id").asLong();
        // The second block of a type, and a field, that a later release declared and this one does not.
        ObjectNode draft = (ObjectNode) JSON.readTree(jdbc.queryForObject("select draft_content from page where id = ?", String.class, id));
        ((ObjectNode) draft.get("slots").get("main").get(1)).put("type", "retired_notice");
        ((ObjectNode) draft.get("fields")).put("retired_teaser", "Soon");
        jdbc.update("update page set draft_content = ? where id = ?", JSON.writeValueAsString(draft), id);

        AdminClient.Response editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR).get("/admin/pages/" + id + "/edit/");

        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.body()).contains("Kept", "The slot &#39;main&#39; holds 1 block of the type &#39;retired_notice&#39;, which"
                + " this release of the site does not declare. It is not shown here or on the site, and saving this page removes it.",
                "The field &#39;retired_teaser&#39;, which this page type no longer declares, holds a value.");
    }
}
