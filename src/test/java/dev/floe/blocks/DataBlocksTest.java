package dev.floe.blocks;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static dev.floe.blocks.BlockPages.block;
import static dev.floe.blocks.BlockPages.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Contact person, table, code and map blocks: checked when saved, escaped and accessible when shown. */
class DataBlocksTest extends FloeIntegrationTest {

    private static final String SNEAKY = "<script>steal()</script>\"><img src=x onerror=steal()>";

    BlockPages blocks;

    @BeforeEach
    void setUp() {
        blocks = new BlockPages(api, anonymous);
    }

    @Test
    void aContactPersonShowsNameAndRoleWithMailAndPhoneLinks() {
        String html = blocks.publish(block("contact_person", Map.of("name", "Ada Lovelace", "role", "Head of <engines>",
                "email", " ada@example.org ", "phone", "+44 (20) 7946-0000")));

        assertThat(html).contains("<address class=\"block-contact-person\"><p><strong class=\"contact-name\">Ada Lovelace</strong>"
                        + "<br><span class=\"contact-role\">Head of &lt;engines&gt;</span></p>",
                "<a href=\"mailto:ada@example.org\">ada@example.org</a>",
                "<a href=\"tel:+442079460000\">+44 (20) 7946-0000</a>");
    }

    @Test
    void aContactPersonNeedsANameAndRefusesAddressesAndNumbersThatAreNotThem() {
        JsonNode error = assertRefused(blocks.tryCreate(block("contact_person", Map.of("role", "Nobody",
                "email", "not an email", "phone", "call me"))), 422);
        JsonNode hostile = assertRefused(blocks.tryCreate(block("contact_person", Map.of("name", "X",
                "email", "a@example.org\" onmouseover=\"steal()", "phone", "javascript:steal()"))), 422);
        JsonNode mailto = assertRefused(blocks.tryCreate(block("contact_person", Map.of("name", "X",
                "email", "a@example.org?subject=hi&cc=victim@example.org", "phone", "1"))), 422);

        assertThat(detailFields(error)).containsExactly("name", "email", "phone");
        assertThat(detailFields(hostile)).containsExactly("email", "phone");
        assertThat(detailFields(mailto)).containsExactly("email", "phone");
        assertThat(blocks.publish(block("contact_person", Map.of("name", SNEAKY)))).contains("&lt;script&gt;")
                .doesNotContain("<script", "<img", "contact-details");
    }

    @Test
    void aTableHasACaptionColumnHeadersRowHeadersAndPlainTextCells() {
        String html = blocks.publish(block("table", value("caption", "Opening hours", "header", List.of("Day", "Opens", "Closes"),
                "rows", List.of(List.of("Monday", "9:00", "17:00"), List.of("Tuesday", SNEAKY, "<b>late</b>")), "row_headers", true)));

        assertThat(html).contains("<div class=\"block-table\"><table><caption>Opening hours</caption>",
                "<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Opens</th><th scope=\"col\">Closes</th></tr></thead>",
                "<tr><th scope=\"row\">Monday</th><td>9:00</td><td>17:00</td></tr>",
                "<td>&lt;script&gt;steal()&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=steal()&gt;</td><td>&lt;b&gt;late&lt;/b&gt;</td>");
        assertThat(html).doesNotContain("<script", "<img", "<b>");
    }

    @Test
    void aTableWithoutHeaderRowsUsesDataCellsOnly() {
        String html = blocks.publish(block("table", Map.of("rows", List.of(List.of("a", ""), List.of("c", "d")))));

        assertThat(html).contains("<tbody><tr><td>a</td><td></td></tr>").doesNotContain("<thead>", "<th ", "<caption>");
    }

    @Test
    void aTableIsRectangularOfPlainTextAndHasLimits() {
        List<List<String>> tooManyRows = Collections.nCopies(101, List.of("x"));
        List<String> tooWide = Collections.nCopies(21, "x");

        JsonNode ragged = assertRefused(blocks.tryCreate(block("table", Map.of("header", List.of("A", "B"),
                "rows", List.of(List.of("1", "2"), List.of("3"), List.of("4", "5", "6"))))), 422);
        JsonNode raggedWithoutHeader = assertRefused(blocks.tryCreate(block("table", Map.of(
                "rows", List.of(List.of("1", "2"), List.of("3"))))), 422);
        JsonNode notText = assertRefused(blocks.tryCreate(block("table", Map.of("rows", List.of(List.of("1", 2), List.of(Map.of("html", "<b>")), "row")))), 422);

        assertThat(detailFields(ragged)).containsExactly("rows[1]", "rows[2]");
        assertThat(ragged.get("error").asString()).contains("has 1 cell; every row needs 2, as many as the header row");
        assertThat(detailFields(raggedWithoutHeader)).containsExactly("rows[1]");
        assertThat(detailFields(notText)).containsExactly("rows[0][1]", "rows[1][0]", "rows[2]");
        assertThat(detailFields(assertRefused(blocks.tryCreate(block("table", Map.of("rows", tooManyRows))), 422))).containsExactly("rows");
        assertThat(detailFields(assertRefused(blocks.tryCreate(block("table", Map.of("rows", List.of(tooWide)))), 422))).containsExactly("rows[0]");
        assertThat(detailFields(assertRefused(blocks.tryCreate(block("table", Map.of("header", tooWide, "rows", List.of(tooWide)))), 422)))
                .contains("header");
        assertThat(detailFields(assertRefused(blocks.tryCreate(block("table", Map.of("rows", List.of(List.of("x".repeat(1001)))))), 422)))
                .containsExactly("rows[0][0]");
        assertThat(detailFields(assertRefused(blocks.tryCreate(block("table", Map.of("caption", "No rows"))), 422))).containsExactly("rows");
    }

    @Test
    void codeIsEscapedInsidePreAndCodeWithItsLanguageClass() {
        String code = "if (a < b && c > d) {\n    System.out.println(\"</code></pre><script>steal()</script>\");\n}";

        String html = blocks.publish(block("code", Map.of("language", "java", "code", code, "caption", "Comparing")),
                block("code", Map.of("code", "plain words")));

        assertThat(html).contains("<figure><figcaption>Comparing</figcaption><pre class=\"block-code\"><code class=\"language-java\">"
                + "if (a &lt; b &amp;&amp; c &gt; d) {\n    System.out.println(&quot;&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;steal()"
                + "&lt;/script&gt;&quot;);\n}</code></pre></figure>");
        assertThat(html).contains("<pre class=\"block-code\"><code class=\"language-plaintext\">plain words</code></pre>");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void codeNeedsTextAndALanguageFromTheList() {
        JsonNode language = assertRefused(blocks.tryCreate(block("code", Map.of("language", "java\" onclick=\"steal()", "code", "x"))), 422);
        JsonNode empty = assertRefused(blocks.tryCreate(block("code", Map.of("language", "java"))), 422);
        JsonNode huge = assertRefused(blocks.tryCreate(block("code", Map.of("code", "x".repeat(50_001)))), 422);

        assertThat(detailFields(language)).containsExactly("language");
        assertThat(language.get("error").asString()).contains("must be one of plaintext, bash");
        assertThat(detailFields(empty)).containsExactly("code");
        assertThat(detailFields(huge)).containsExactly("code");
    }

    @Test
    void aMapIsAnOpenStreetMapFrameWithATitleAndALinkToTheFullMap() {
        String html = blocks.publish(block("map", Map.of("title", "Our <office>", "latitude", 51.5074, "longitude", -0.1278, "zoom", 16)),
                block("map", Map.of("title", "Null Island", "latitude", 0, "longitude", 0)));

        assertThat(html).containsPattern("<iframe src=\"https://www.openstreetmap.org/export/embed.html\\?bbox=-0\\.13[0-9]+,51\\.50[0-9]+,"
                + "-0\\.12[0-9]+,51\\.50[0-9]+&amp;layer=mapnik&amp;marker=51\\.507400,-0\\.127800\" title=\"Map: Our &lt;office&gt;\" "
                + "loading=\"lazy\" sandbox=\"[^\"]+\"");
        assertThat(html).contains("<a href=\"https://www.openstreetmap.org/?mlat=51.507400&amp;mlon=-0.127800#map=16/51.507400/-0.127800\">"
                + "Our &lt;office&gt; on OpenStreetMap</a>");
        assertThat(html).contains("#map=15/0.000000/0.000000");
        assertThat(html).doesNotContain("<office>");
    }

    @Test
    void aMapNeedsATitleAndCoordinatesAndAZoomInRange() {
        List<Map<String, Object>> wrong = new ArrayList<>(List.of(
                Map.of("latitude", 91, "longitude", 0, "title", "x"),
                Map.of("latitude", -90.0001, "longitude", 0, "title", "x"),
                Map.of("latitude", 0, "longitude", 180.5, "title", "x"),
                Map.of("latitude", 0, "longitude", -181, "title", "x"),
                Map.of("latitude", "51.5", "longitude", 0, "title", "x"),
                Map.of("latitude", 0, "longitude", 0, "zoom", 0, "title", "x"),
                Map.of("latitude", 0, "longitude", 0, "zoom", 20, "title", "x"),
                Map.of("latitude", 0, "longitude", 0, "zoom", 12.5, "title", "x")));
        List<String> fields = List.of("latitude", "latitude", "longitude", "longitude", "latitude", "zoom", "zoom", "zoom");

        for (int i = 0; i < wrong.size(); i++) {
            assertThat(detailFields(assertRefused(blocks.tryCreate(block("map", wrong.get(i))), 422))).as(wrong.get(i).toString())
                    .containsExactly(fields.get(i));
        }
        assertThat(detailFields(assertRefused(blocks.tryCreate(block("map", Map.of("latitude", 1, "longitude", 1))), 422)))
                .containsExactly("title");
    }

    @Test
    void anIframeIsRefusedWhileTheSiteAllowsNoHosts() {
        JsonNode error = assertRefused(blocks.tryCreate(block("iframe", Map.of("url", "https://www.example.org/", "title", "Example"))), 422);

        assertThat(detailFields(error)).containsExactly("url");
        assertThat(error.get("error").asString()).contains("this site allows no iframes yet", "embed_hosts");
    }

    @Test
    void anEmbedFromAnAddressNoProviderServesIsRefusedWithoutFetchingAnything() {
        JsonNode error = assertRefused(blocks.tryCreate(block("embed", Map.of("url", "https://127.0.0.1/video"))), 422);

        assertThat(detailFields(error)).containsExactly("url");
        assertThat(error.get("error").asString()).contains("is not an address this site can embed", "YouTube", "Vimeo");
    }
}
