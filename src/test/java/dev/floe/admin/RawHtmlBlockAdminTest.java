package dev.floe.admin;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/**
 * The raw HTML block in the page editor: offered only to those with the raw HTML permission; an editor without it
 * sees an existing one locked, keeps it when saving the rest of the page, and cannot change it (the server refuses).
 */
class RawHtmlBlockAdminTest extends FloeIntegrationTest {

    private static final String RAW = "<marquee>\n  Opening soon\n</marquee>";

    Pages pages;
    PageScreens editor;
    PageScreens administrator;
    long page;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
        editor = PageScreens.signedIn(port, accounts, AdminRole.EDITOR);
        administrator = PageScreens.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        page = pages.createUnderHome(unique("raw"), "Raw", Map.of("type", "raw_html", "value", Map.of("html", RAW)),
                textBlock("<p>Before</p>")).get("id").asLong();
    }

    @Test
    void onlyThoseWithThePermissionAreOfferedTheBlockOthersSeeAnExistingOneLocked() {
        String editorsForm = editor.get("/admin/pages/" + page + "/edit/").body();
        assertThat(editorsForm).doesNotContain("<option value=\"raw_html\"")
                .contains("<option value=\"text\"", "Only people with the raw_html permission may change this block",
                        "readonly class=\"pe-locked\"", "type=\"hidden\" name=\"b.", "value=\"&lt;marquee&gt;");
        AdminClient.Response refused = editor.get("/admin/pages/block-form/?slot=main&type=raw_html");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("You need the &#39;raw_html&#39; permission to add or change Raw HTML blocks");

        String administratorsForm = administrator.get("/admin/pages/" + page + "/edit/").body();
        assertThat(administratorsForm).contains("<option value=\"raw_html\"").doesNotContain("pe-locked");
        AdminClient.Response added = administrator.get("/admin/pages/block-form/?slot=main&type=raw_html");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("name=\"b.", ".html\"").doesNotContain("pe-locked");
    }

    @Test
    void anEditorWithoutThePermissionKeepsTheBlockWhenSavingButCannotChangeIt() {
        // What the browser sends back for the locked block is the hidden input's value, as the form was rendered.
        Matcher hidden = Pattern.compile("type=\"hidden\" name=\"b\\.[^.\"]+\\.html\" value=\"([^\"]*)\"")
                .matcher(editor.get("/admin/pages/" + page + "/edit/").body());
        assertThat(hidden.find()).isTrue();
        String sentBack = hidden.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        AdminClient.Response saved = editor.post("/admin/pages/" + page + "/edit/", "version", "1", "action", "save",
                "title", "Raw", "layout", "default", "slot.main", "r", "b.r.type", "raw_html", "b.r.html", sentBack,
                "slot.main", "t", "b.t.type", "text", "b.t.html", "<p>After</p>");
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(pages.draft(page).get("slots").get("main").findValuesAsString("html")).containsExactly(RAW, "<p>After</p>");

        AdminClient.Response changed = editor.post("/admin/pages/" + page + "/edit/", "version", "2", "action", "save",
                "title", "Raw", "layout", "default", "slot.main", "r", "b.r.type", "raw_html", "b.r.html", "<blink>mine</blink>");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.body()).contains("you need the &#39;raw_html&#39; permission to add or change Raw HTML blocks");
        assertThat(pages.draft(page).get("slots").get("main").findValuesAsString("html")).containsExactly(RAW, "<p>After</p>");

        AdminClient.Response byAdministrator = administrator.post("/admin/pages/" + page + "/edit/", "version", "2", "action",
                "save", "title", "Raw", "layout", "default", "slot.main", "r", "b.r.type", "raw_html", "b.r.html", "<b>new</b>");
        assertThat(byAdministrator.status()).as(byAdministrator.body()).isEqualTo(303);
        assertThat(pages.draft(page).get("slots").get("main").findValuesAsString("html")).containsExactly("<b>new</b>");
    }
}
