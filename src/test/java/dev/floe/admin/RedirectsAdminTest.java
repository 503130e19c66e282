package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** The redirects screens over HTTP: permissions, CSRF, validation beside the fields, and the CSV import's all or nothing. */
class RedirectsAdminTest extends FloeIntegrationTest {

    private static final String BOUNDARY = "floe-test-boundary";

    static AdminClient.Response upload(AdminClient client, String path, String filename, String csv, boolean withToken) {
        StringBuilder body = new StringBuilder();
        if (withToken) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(client.token()).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(filename).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(csv).append("\r\n--").append(BOUNDARY).append("--\r\n");
        return client.send(client.request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private static long idOf(AdminClient admin, String oldPath) {
        String list = admin.get("/admin/redirects/?q=" + java.net.URLEncoder.encode(oldPath, StandardCharsets.UTF_8)).body();
        Matcher matcher = Pattern.compile("<a href=\"/admin/redirects/(\\d+)/\">" + Pattern.quote(oldPath) + "</a>").matcher(list);
        assertThat(matcher.find()).as("a row for " + oldPath + " in " + list).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    @Test
    void anAdministratorAddsEditsAndDeletesARedirectThatVisitorsFollow() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.get("/admin/").body()).contains("href=\"/admin/redirects/\"");
        String old = "/" + unique("old-news") + "/";

        AdminClient.Response created = admin.postForm("/admin/redirects/new/", "old_path", old, "target_url", "/about/", "status", "302");
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(admin.get("/admin/redirects/").body()).contains("The redirect from " + old + " was added.");
        long id = idOf(admin, old);
        AdminClient visitor = AdminClient.anonymous(port);
        AdminClient.Response followed = visitor.get(old);
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.location()).isEqualTo("/about/");

        long home = new Pages(api).homeId();
        AdminClient.Response saved = admin.postForm("/admin/redirects/" + id + "/", "target_page", Long.toString(home), "target_url", "", "status", "301");
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        followed = visitor.get(old);
        assertThat(followed.status()).isEqualTo(301);
        assertThat(followed.location()).isEqualTo("/");

        assertThat(admin.get("/admin/redirects/" + id + "/delete/").body()).contains("Delete the redirect from " + old + "?", "Yes, delete it");
        assertThat(admin.get("/admin/redirects/?q=" + old).body()).contains("1 redirect matching");
        AdminClient.Response deleted = admin.postForm("/admin/redirects/" + id + "/delete/");
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(admin.get("/admin/redirects/?q=" + old).body()).contains("0 redirects matching");
        assertThat(visitor.get(old).status()).isEqualTo(404);
        assertThat(admin.get("/admin/redirects/" + id + "/").status()).isEqualTo(404);
    }

    @Test
    void aRedirectFromTheAddressOfALivePageSaysThePageAnswersFirst() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        Pages pages = new Pages(api);
        String slug = unique("still-live");
        pages.publish(pages.createUnderHome(slug, "Still live").get("id").asLong());

        assertThat(admin.postForm("/admin/redirects/new/", "old_path", "/" + slug + "/?from=mail", "target_url", "/about/").status()).isEqualTo(303);
        assertThat(admin.get("/admin/redirects/").body()).contains("The redirect from /" + slug + "/?from=mail was added. The live page"
                + " \u201cStill live\u201d answers at /" + slug + "/, so visitors reach the redirect only once that page moves,"
                + " is unpublished or is deleted.");
        assertThat(AdminClient.anonymous(port).get("/" + slug + "/?from=mail").status()).as("the page answers").isEqualTo(200);
    }

    @Test
    void mistakesAreShownBesideTheFieldsAndNothingIsStored() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String a = "/" + unique("loop-a") + "/";
        String b = "/" + unique("loop-b") + "/";
        assertThat(admin.postForm("/admin/redirects/new/", "old_path", a, "target_url", b).status()).isEqualTo(303);

        AdminClient.Response loop = admin.postForm("/admin/redirects/new/", "old_path", b, "target_url", a);
        assertThat(loop.status()).isEqualTo(422);
        assertThat(loop.body()).contains("id=\"id_target_url_error\"", "redirect loop", a + " -&gt; " + b, "value=\"" + b + "\"");

        AdminClient.Response duplicate = admin.postForm("/admin/redirects/new/", "old_path", a, "target_url", "/elsewhere/");
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("id=\"id_old_path_error\"", "A redirect from " + a + " already exists");

        AdminClient.Response badTarget = admin.postForm("/admin/redirects/new/", "old_path", b, "target_url", "javascript:alert(1)");
        assertThat(badTarget.status()).isEqualTo(422);
        assertThat(badTarget.body()).contains("id=\"id_target_url_error\"", "The target must be an http(s) URL");

        AdminClient.Response badPath = admin.postForm("/admin/redirects/new/", "old_path", "no slash", "target_url", "/x/");
        assertThat(badPath.status()).isEqualTo(422);
        assertThat(badPath.body()).contains("id=\"id_old_path_error\"", "The old path must start with /");

        AdminClient.Response noPage = admin.postForm("/admin/redirects/new/", "old_path", b, "target_page", "987654321");
        assertThat(noPage.status()).isEqualTo(422);
        assertThat(noPage.body()).contains("id=\"id_target_page_error\"", "Page 987654321 does not exist");

        AdminClient.Response notANumber = admin.postForm("/admin/redirects/new/", "old_path", b, "target_page", "home");
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber.body()).contains("id=\"id_target_page_error\"", "by its number");

        AdminClient.Response both = admin.postForm("/admin/redirects/new/", "old_path", b);
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.body()).contains("Give either a target page or a target URL");

        assertThat(admin.get("/admin/redirects/?q=" + b).body()).doesNotContain(">" + b + "</a>");
    }

    @Test
    void aCsvImportStoresAllRowsOrNoneAndTheExportReadsBackIn() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String one = "/" + unique("csv-one") + "/";
        String two = "/" + unique("csv-two") + "/";
        assertThat(admin.get("/admin/redirects/import/").body()).contains("enctype=\"multipart/form-data\"", "<label for=\"id_file\">CSV file");

        String bad = "old_path,target,status\n" + one + ",/about/,301\n" + two + ",javascript:alert(1),301\n/also-bad/,/x/,307\n";
        AdminClient.Response refused = upload(admin, "/admin/redirects/import/", "bad.csv", bad, true);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing was imported: 2 problems", "<li>line 3: the target must be", "<li>line 4: status must be 301 or 302");
        assertThat(admin.get("/admin/redirects/?q=" + one).body()).contains("0 redirects matching");

        AdminClient.Response imported = upload(admin, "/admin/redirects/import/", "good.csv", one + ",/about/\n" + two + ",https://example.org/two,302\n", true);
        assertThat(imported.status()).as(imported.body()).isEqualTo(303);
        assertThat(admin.get("/admin/redirects/").body()).contains("Imported 2 redirects from good.csv.");
        assertThat(AdminClient.anonymous(port).get(two).header("Location")).contains("https://example.org/two");

        AdminClient.Response export = admin.get("/admin/redirects/export.csv");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(export.body()).startsWith("old_path,target,status\r\n").contains(one + ",/about/,301\r\n", two + ",https://example.org/two,302\r\n");
        AdminClient.Response again = upload(admin, "/admin/redirects/import/", "redirects.csv", export.body(), true);
        assertThat(again.status()).as(again.body()).isEqualTo(303);

        AdminClient.Response empty = upload(admin, "/admin/redirects/import/", "empty.csv", "", true);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("id=\"id_file_error\"", "Choose a CSV file");
    }

    @Test
    void onlyThoseWhoManageRedirectsGetInAndEveryChangeNeedsTheCsrfToken() {
        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        assertThat(editor.get("/admin/").body()).doesNotContain("href=\"/admin/redirects/\"");
        assertThat(editor.get("/admin/redirects/").status()).isEqualTo(403);
        assertThat(editor.get("/admin/redirects/export.csv").status()).isEqualTo(403);
        assertThat(upload(editor, "/admin/redirects/import/", "x.csv", "/editor-try/,/about/\n", true).status()).isEqualTo(403);

        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String old = "/" + unique("no-token") + "/";
        assertThat(admin.postWithoutToken("/admin/redirects/new/", java.util.Map.of("old_path", old, "target_url", "/about/")).status()).isEqualTo(403);
        assertThat(upload(admin, "/admin/redirects/import/", "x.csv", old + ",/about/\n", false).status()).isEqualTo(403);
        assertThat(admin.get("/admin/redirects/?q=" + old).body()).contains("0 redirects matching");
    }
}
