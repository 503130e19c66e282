package dev.floe.redirects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.support.Api;
import dev.floe.support.Cli;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;
import tools.jackson.databind.JsonNode;

class RedirectsTest extends FloeIntegrationTest {

    @Autowired
    Redirects redirects;

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(api);
    }

    @Test
    void redirectsToPagesAndUrlsAnswer301Or302() {
        String slug = unique("landing");
        long page = pages.createUnderHome(slug, "Landing").get("id").asLong();
        pages.publish(page);
        String old = "/" + unique("old-landing") + "/";
        String campaign = "/" + unique("campaign") + "/";

        Api.Response toPage = api.post("/api/v2/redirects/", Map.of("old_path", old, "target_page", page));
        Api.Response toUrl = api.post("/api/v2/redirects/", Map.of("old_path", campaign, "target_url", "https://example.org/offer", "permanent", false));

        assertThat(toPage.status()).as(toPage.body()).isEqualTo(201);
        assertThat(toUrl.status()).isEqualTo(201);
        assertThat(anonymous.get(old).status()).isEqualTo(301);
        assertThat(anonymous.get(old).header("Location")).isEqualTo("/" + slug + "/");
        assertThat(anonymous.get(campaign).status()).isEqualTo(302);
        assertThat(anonymous.get(campaign).header("Location")).isEqualTo("https://example.org/offer");

        long id = toUrl.json().get("id").asLong();
        assertThat(api.patch("/api/v2/redirects/" + id + "/", Map.of("permanent", true)).json().get("permanent").asBoolean()).isTrue();
        assertThat(api.delete("/api/v2/redirects/" + id + "/").status()).isEqualTo(204);
        assertThat(anonymous.get(campaign).status()).isEqualTo(404);
    }

    @Test
    void aRedirectWithAQueryAnswersThatQueryFirstInAnyOrderAndThePathAloneOtherwise() {
        String old = "/" + unique("catalogue");
        Api.Response withQuery = api.post("/api/v2/redirects/", Map.of("old_path", old + "?item=7&lang=en", "target_url", "https://example.org/item-7"));
        Api.Response pathAlone = api.post("/api/v2/redirects/", Map.of("old_path", old + "/", "target_url", "https://example.org/catalogue"));

        assertThat(withQuery.status()).as(withQuery.body()).isEqualTo(201);
        assertThat(withQuery.json().get("old_path").asString()).isEqualTo(old + "/?item=7&lang=en");
        assertThat(pathAlone.status()).isEqualTo(201);
        assertThat(anonymous.get(old + "/?item=7&lang=en").header("Location")).isEqualTo("https://example.org/item-7");
        assertThat(anonymous.get(old + "/?lang=en&item=7").header("Location")).as("parameters in another order").isEqualTo("https://example.org/item-7");
        assertThat(anonymous.get(old + "?item=7&lang=en").header("Location")).as("without the slash, sent to it first")
                .isEqualTo(old + "/?item=7&lang=en");
        assertThat(anonymous.get(old + "/?item=8").header("Location")).as("another query").isEqualTo("https://example.org/catalogue");
        assertThat(anonymous.get(old + "/").header("Location")).isEqualTo("https://example.org/catalogue");
    }

    @Test
    void theListOfRedirectsPagesByOffsetAndLimit() {
        for (int i = 0; i < 3; i++) {
            api.post("/api/v2/redirects/", Map.of("old_path", "/" + unique("paged") + "/", "target_url", "https://example.org/"));
        }

        JsonNode firstThree = api.get("/api/v2/redirects/?offset=0&limit=3").json().get("items");
        JsonNode fromSecond = api.get("/api/v2/redirects/?offset=1&limit=2").json().get("items");

        assertThat(fromSecond.size()).isEqualTo(2);
        assertThat(fromSecond.get(0).get("id").asLong()).isEqualTo(firstThree.get(1).get("id").asLong());
        assertThat(fromSecond.get(1).get("id").asLong()).isEqualTo(firstThree.get(2).get("id").asLong());
    }

    @Test
    void redirectLoopsAreRefused() {
        String a = "/" + unique("loop-a") + "/";
        String b = "/" + unique("loop-b") + "/";
        String c = "/" + unique("loop-c") + "/";
        assertThat(api.post("/api/v2/redirects/", Map.of("old_path", a, "target_url", b)).status()).isEqualTo(201);
        assertThat(api.post("/api/v2/redirects/", Map.of("old_path", b, "target_url", c)).status()).isEqualTo(201);

        Api.Response loop = api.post("/api/v2/redirects/", Map.of("old_path", c, "target_url", a));
        Api.Response self = api.post("/api/v2/redirects/", Map.of("old_path", "/" + unique("self") + "/", "target_url", "/x/"));
        Api.Response selfLoop = api.post("/api/v2/redirects/", Map.of("old_path", "/same/", "target_url", "/same/"));

        assertThat(loop.status()).isEqualTo(422);
        assertThat(loop.json().get("error").asString()).contains("loop", a, b, c);
        assertThat(self.status()).isEqualTo(201);
        assertThat(selfLoop.status()).isEqualTo(422);
        assertThat(anonymous.get(c).status()).as("nothing stored for the refused loop").isEqualTo(404);
    }

    @Test
    void badRedirectsAreRefusedWithReasons() {
        assertThat(api.post("/api/v2/redirects/", Map.of("old_path", "no-slash", "target_url", "/x/")).status()).isEqualTo(422);
        assertThat(api.post("/api/v2/redirects/", Map.of("old_path", "/" + unique("js") + "/", "target_url", "javascript:alert(1)")).status()).isEqualTo(422);
        assertThat(api.post("/api/v2/redirects/", Map.of("old_path", "/" + unique("nothing") + "/")).status()).isEqualTo(422);
        assertThat(api.post("/api/v2/redirects/", Map.of("old_path", "/" + unique("ghost") + "/", "target_page", 999999999)).status()).isEqualTo(422);
        assertThat(anonymous.post("/api/v2/redirects/", Map.of("old_path", "/a/", "target_url", "/b/")).status()).isEqualTo(401);
    }

    @Test
    void aCsvImportReportsBadRowsByLineAndImportsNothing() {
        String good = "/" + unique("csv-good") + "/";
        String csv = "old_path,target,status\n"
                + good + ",https://example.org/,301\n"
                + "not-a-path,/x/,301\n"
                + "/" + unique("csv-status") + "/,/y/,307\n"
                + "/" + unique("csv-page") + "/,page:abc,\n";

        Api.Response response = api.sendRaw("POST", "/api/v2/redirects/import/", "text/csv", csv);

        assertThat(response.status()).isEqualTo(422);
        JsonNode details = response.json().get("details");
        assertThat(details.size()).isEqualTo(3);
        assertThat(details.get(0).get("message").asString()).startsWith("line 3:");
        assertThat(details.get(1).get("message").asString()).startsWith("line 4:").contains("307");
        assertThat(details.get(2).get("message").asString()).startsWith("line 5:").contains("page:abc");
        assertThat(anonymous.get(good).status()).as("no row of a bad file is imported").isEqualTo(404);
    }

    @Test
    void aGoodCsvImportsEveryRowAndRefusesLoopsWithinTheFile() {
        long page = pages.createUnderHome(unique("csv-target"), "CSV target").get("id").asLong();
        pages.publish(page);
        String one = "/" + unique("csv-one") + "/";
        String two = "/" + unique("csv-two");

        Api.Response imported = api.sendRaw("POST", "/api/v2/redirects/import/", "text/csv",
                one + ",page:" + page + "\n" + two + ",https://example.org/two,302\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        assertThat(anonymous.get(one).status()).isEqualTo(301);
        assertThat(anonymous.get(two + "/").status()).as("paths are stored with their trailing slash").isEqualTo(302);

        String x = "/" + unique("csv-x") + "/";
        String y = "/" + unique("csv-y") + "/";
        Api.Response loop = api.sendRaw("POST", "/api/v2/redirects/import/", "text/csv", x + "," + y + "\n" + y + "," + x + "\n");
        assertThat(loop.status()).isEqualTo(422);
        assertThat(loop.body()).contains("loop");
    }

    /** A spreadsheet saved in its own code page: the command reads the file as UTF-8 and says so, not Java's exception. */
    @Test
    void aCsvFileThatIsNotUtf8IsRefusedInWords() {
        byte[] latin1 = ("/" + unique("caf") + "\u00e9/,/menu/\n").getBytes(StandardCharsets.ISO_8859_1);
        Reader strict = new InputStreamReader(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8.newDecoder());

        assertThatThrownBy(() -> redirects.importCsv(strict)).isInstanceOf(RedirectException.class)
                .hasMessage("The file is not UTF-8 text; save it as UTF-8 (\"CSV UTF-8\" in spreadsheet programs) and import it again.");
    }

    @Test
    void importRedirectsFromTheCommandLine() throws Exception {
        String path = "/" + unique("cli-import") + "/";
        Path good = Files.createTempFile("redirects", ".csv");
        Files.writeString(good, "old_path,target,status\n" + path + ",https://example.org/cli,301\n");
        Path bad = Files.createTempFile("redirects", ".csv");
        Files.writeString(bad, "/" + unique("cli-bad") + "/,/ok/\n/oops,javascript:x\n");

        Cli.Result ok = Cli.run(Map.of(), "import-redirects", good.toString());
        Cli.Result refused = Cli.run(Map.of(), "import-redirects", bad.toString());
        Cli.Result missing = Cli.run(Map.of(), "import-redirects", "/nonexistent/file.csv");

        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).contains("Imported 1 redirect.");
        assertThat(anonymous.get(path).status()).isEqualTo(301);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stdout()).contains("line 2:");
        assertThat(refused.stderr().strip().lines()).hasSize(1);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr().strip()).startsWith("floe: ").contains("/nonexistent/file.csv");
    }
}
