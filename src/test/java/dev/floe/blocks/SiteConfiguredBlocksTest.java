package dev.floe.blocks;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static dev.floe.blocks.BlockPages.block;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Blocks that depend on the site's configuration: iframes from the hosts in {@code embed_hosts:}, embeds from oEmbed
 * providers (here a local one, so no test reaches the internet), and block templates a site project overrides.
 */
class SiteConfiguredBlocksTest extends FloeIntegrationTest {

    static final LocalOEmbedProvider PROVIDER = new LocalOEmbedProvider();
    static final Path SITE = createSite();

    @DynamicPropertySource
    static void site(DynamicPropertyRegistry registry) {
        registry.add("FLOE_SITE_DIR", SITE::toString);
        registry.add("floe.embed.allow-private-addresses", () -> "true");
        registry.add("floe.embed.timeout", () -> "2s");
        registry.add("floe.embed.max-response-bytes", () -> "20000");
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    BlockPages blocks;

    @BeforeEach
    void setUp() {
        blocks = new BlockPages(api, anonymous);
    }

    @Test
    void anIframeFromAnAllowedHostIsSandboxedLazyAndTitled() {
        String html = blocks.publish(
                block("iframe", Map.of("url", "https://forms.example.test/survey?id=1&lang=en", "title", "Visitor <survey>", "height", 600)),
                block("iframe", Map.of("url", "https://eu.widgets.example.test/w", "title", "Widget")));

        assertThat(html).contains("<iframe src=\"https://forms.example.test/survey?id=1&amp;lang=en\" title=\"Visitor &lt;survey&gt;\""
                + " loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-forms allow-popups\""
                + " referrerpolicy=\"strict-origin-when-cross-origin\" style=\"width:100%;height:600px;border:0\"></iframe>");
        assertThat(html).contains("<iframe src=\"https://eu.widgets.example.test/w\" title=\"Widget\"", "height:450px");
        assertThat(html).doesNotContain("<survey>");
    }

    @Test
    void anIframeNeedsAnHttpsAddressOnAnAllowedHostAndATitle() {
        for (String url : List.of("http://forms.example.test/", "https://evil.example/", "https://forms.example.test.evil.example/",
                "https://widgets.example.test/", "https://user@forms.example.test/", "javascript:alert(1)", "/local/page",
                "data:text/html,<script>steal()</script>")) {
            JsonNode error = assertRefused(blocks.tryCreate(block("iframe", Map.of("url", url, "title", "Form"))), 422);
            assertThat(detailFields(error)).as(url).containsExactly("url");
        }
        JsonNode untitled = assertRefused(blocks.tryCreate(block("iframe", Map.of("url", "https://forms.example.test/"))), 422);
        JsonNode tall = assertRefused(blocks.tryCreate(block("iframe", Map.of("url", "https://forms.example.test/",
                "title", "Form", "height", 5000))), 422);

        assertThat(detailFields(untitled)).containsExactly("title");
        assertThat(detailFields(tall)).containsExactly("height");
    }

    @Test
    void anEmbedIsFetchedOnceWhenSavedAndShownFromWhatWasStored() {
        String url = "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/ok";
        BlockPages.Published page = blocks.publishPage(block("embed", Map.of("url", url, "caption", "Our <launch>")));
        JsonNode stored = page.stored().get("slots").get("main").get(0).get("value");

        anonymous.get(page.path());
        JsonNode draft = blocks.pages().draft(page.id());
        Api.Response resaved = api.patch("/api/v2/pages/" + page.id() + "/", Map.of("version", draft.get("version").asInt(),
                "slots", draft.get("slots")));

        assertThat(stored.get("oembed").get("src").asString()).isEqualTo("https://player.example.test/embed/ok?autoplay=0");
        assertThat(stored.get("oembed").get("title").asString()).isEqualTo("A <b>\"quoted\"</b> video");
        assertThat(resaved.status()).as(resaved.body()).isEqualTo(200);
        assertThat(resaved.json().get("slots").get("main").get(0).get("value")).isEqualTo(stored);
        JsonNode firstRevision = api.get("/api/v2/pages/" + page.id() + "/revisions/").json().get("items").valueStream()
                .min(Comparator.comparingLong(r -> r.get("id").asLong())).orElseThrow();
        Api.Response restored = api.post("/api/v2/pages/" + page.id() + "/revisions/" + firstRevision.get("id").asLong() + "/restore/", Map.of());
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().get("slots").get("main").get(0).get("value")).isEqualTo(stored);
        assertThat(PROVIDER.requestsFor("/watch/ok")).as("asked once, when first saved").isEqualTo(1);
        String html = BlockPages.main(page.html());
        assertThat(html).contains("<figure class=\"block-embed block-embed-testtube\">",
                "<iframe src=\"https://player.example.test/embed/ok?autoplay=0\" title=\"A &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; video\""
                        + " loading=\"lazy\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-presentation\"",
                "style=\"width:100%;aspect-ratio:640/360;border:0\"",
                "<figcaption>Our &lt;launch&gt; · <a href=\"" + url + "\">A &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; video</a></figcaption>");
        assertThat(html).doesNotContain("<script", "onload", "onerror", "<img", "<b>");
    }

    @Test
    void anEmbedAnswerSentByAClientIsNeverTrustedButAskedForAgain() {
        String url = "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/photo";
        Map<String, Object> forged = new LinkedHashMap<>(Map.of("provider", "testtube", "kind", "frame", "title", "Forged",
                "src", "https://evil.example/steal", "signature", "forged"));

        Api.Response created = blocks.tryCreate(block("embed", Map.of("url", url, "title", "Photo title", "oembed", forged)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode embed = created.json().get("slots").get("main").get(0).get("value").get("oembed");
        assertThat(embed.get("src").asString()).isEqualTo("https://player.example.test/photo.jpg");
        assertThat(embed.get("kind").asString()).isEqualTo("photo");
        assertThat(PROVIDER.requestsFor("/watch/photo")).isEqualTo(1);
        String html = blocks.publish(created.json().get("slots").get("main").get(0));
        assertThat(html).contains("<img src=\"https://player.example.test/photo.jpg\" alt=\"Photo title\" loading=\"lazy\" width=\"800\" height=\"600\">");
    }

    @Test
    void anEmbedIsRefusedWhenItsAddressOrTheProvidersAnswerCannotBeShownSafely() {
        Map<String, String> refusals = Map.of(
                "https://evil.example/watch/ok", "is not an address this site can embed",
                "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/foreign", "cannot be shown safely",
                "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/script", "cannot be shown safely",
                "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/huge", "larger than 20000 bytes",
                "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/slow", "did not answer within 2 seconds",
                "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/redirect", "answered with status 302",
                "https://" + LocalOEmbedProvider.VIDEO_HOST + "/watch/missing", "does not know this address");

        refusals.forEach((url, reason) -> {
            JsonNode error = assertRefused(blocks.tryCreate(block("embed", Map.of("url", url))), 422);
            assertThat(detailFields(error)).as(url).containsExactly("url");
            assertThat(error.get("error").asString()).as(url).contains(reason);
        });
    }

    @Test
    void aSiteProjectOverridesANewBlocksTemplateByPath() {
        String html = blocks.publish(block("contact_person", Map.of("name", "Grace <Hopper>", "email", "grace@example.org")));

        assertThat(html).contains("<div class=\"site-contact\">Ask Grace &lt;Hopper&gt; at grace@example.org</div>")
                .doesNotContain("block-contact-person");
    }

    private static Path createSite() {
        try {
            Path site = Files.createTempDirectory("floe-site-blocks");
            Files.writeString(site.resolve("site.yaml"), """
                    name: Blocks Test Site
                    embed_hosts:
                      - forms.example.test
                      - "*.widgets.example.test"
                    oembed_providers:
                      testtube:
                        label: TestTube
                        endpoint: %s
                        url_hosts: [%s]
                        frame_hosts: [%s]
                    """.formatted(PROVIDER.endpoint(), LocalOEmbedProvider.VIDEO_HOST, LocalOEmbedProvider.PLAYER_HOST));
            Path blocks = Files.createDirectories(site.resolve("templates/blocks"));
            Files.writeString(blocks.resolve("contact_person.peb"),
                    "<div class=\"site-contact\">Ask {{ value.name }} at {{ value.email }}</div>\n");
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
