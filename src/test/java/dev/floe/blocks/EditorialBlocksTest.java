package dev.floe.blocks;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static dev.floe.blocks.BlockPages.block;
import static dev.floe.blocks.BlockPages.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Quote, horizontal rule, questions and answers, call to action and page link, as visitors see them. */
class EditorialBlocksTest extends FloeIntegrationTest {

    private static final String SNEAKY = "<script>steal()</script>\"><img src=x onerror=steal()>";

    BlockPages blocks;

    @BeforeEach
    void setUp() {
        blocks = new BlockPages(api, anonymous);
    }

    @Test
    void aQuoteIsABlockquoteWithItsAttributionInTheFigureCaption() {
        String html = blocks.publish(block("quote", Map.of("text", "Less, but better.", "attribution", "Dieter Rams")));

        assertThat(html).contains("<figure class=\"block-quote\"><blockquote><p>Less, but better.</p></blockquote>"
                + "<figcaption>— Dieter Rams</figcaption></figure>");
    }

    @Test
    void aQuoteNeedsItsTextAndShowsMarkupAsText() {
        JsonNode missing = assertRefused(blocks.tryCreate(block("quote", Map.of("attribution", "Nobody"))), 422);
        String html = blocks.publish(block("quote", Map.of("text", SNEAKY, "attribution", SNEAKY)));

        assertThat(detailFields(missing)).containsExactly("text");
        assertThat(html).contains("&lt;script&gt;steal()&lt;/script&gt;").doesNotContain("<script", "<img");
    }

    @Test
    void aHorizontalRuleIsAnHrAndTakesNoFields() {
        String html = blocks.publish(block("text", Map.of("html", "<p>Above</p>")), block("horizontal_rule", Map.of()),
                block("text", Map.of("html", "<p>Below</p>")));
        JsonNode extra = assertRefused(blocks.tryCreate(block("horizontal_rule", Map.of("style", "dotted\" onclick=\"steal()"))), 422);

        assertThat(html).containsPattern("<p>Above</p></div>\\s*<hr>\\s*<div class=\"block-text\"><p>Below</p>");
        assertThat(detailFields(extra)).containsExactly("style");
    }

    @Test
    void questionsAndAnswersAreDisclosureWidgetsWithSanitizedAnswers() {
        String html = blocks.publish(block("faq", Map.of("title", "Visiting", "items", List.of(
                Map.of("question", "When are you open?", "answer", "<p>Daily <strong>9–5</strong></p>"),
                Map.of("question", SNEAKY, "answer", "<p onclick=\"steal()\">Safe<script>steal()</script></p>")))));

        assertThat(html).contains("<section class=\"block-faq\"><h2>Visiting</h2>",
                "<details><summary>When are you open?</summary><p>Daily <strong>9–5</strong></p></details>",
                "<details><summary>&lt;script&gt;steal()&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=steal()&gt;</summary><p>Safe</p></details>");
        assertThat(html).doesNotContain("<script", "onclick", "<img");
    }

    @Test
    void aCallToActionLeadsToALivePageOrAnAddressButNotBothAndNotNowhere() {
        long target = blocks.pages().createUnderHome(BlockPages.unique("target"), "Target").get("id").asLong();
        String targetPath = blocks.pages().publish(target).get("path").asString();

        String html = blocks.publish(
                block("call_to_action", Map.of("title", "Join us", "text", "It is free.", "button_label", "Sign up", "page", target)),
                block("call_to_action", Map.of("title", "Read more", "button_label", "Go", "url", "https://example.org/more")));
        JsonNode both = assertRefused(blocks.tryCreate(block("call_to_action", Map.of("title", "Both", "button_label", "Go",
                "url", "https://example.org/", "page", target))), 422);
        JsonNode neither = assertRefused(blocks.tryCreate(block("call_to_action", Map.of("title", "Neither", "button_label", "Go"))), 422);
        JsonNode noLabel = assertRefused(blocks.tryCreate(block("call_to_action", Map.of("title", "No label", "url", "/x/"))), 422);

        assertThat(html).contains("<aside class=\"cta\"><h2>Join us</h2><p>It is free.</p><a class=\"button\" href=\""
                + targetPath + "\">Sign up</a></aside>", "<a class=\"button\" href=\"https://example.org/more\">Go</a>");
        assertThat(both.get("error").asString()).contains("not both");
        assertThat(neither.get("error").asString()).contains("give a page or a url");
        assertThat(detailFields(noLabel)).containsExactly("button_label");
    }

    @Test
    void aCallToActionToAPageThatIsNotLiveShowsNoButton() {
        long draft = blocks.pages().createUnderHome(BlockPages.unique("draft"), "Draft only").get("id").asLong();

        String html = blocks.publish(block("call_to_action", Map.of("title", "Soon", "button_label", "Go", "page", draft)));

        assertThat(html).contains("<aside class=\"cta\"><h2>Soon</h2></aside>").doesNotContain("class=\"button\"");
    }

    @Test
    void aPageLinkShowsOnlyWhileItsPageIsLiveAndEscapesItsLabel() {
        JsonNode target = blocks.pages().createUnderHome(BlockPages.unique("linked"), "Linked");
        long targetId = target.get("id").asLong();
        BlockPages.Published before = blocks.publishPage(block("page_link", value("page", targetId, "label", SNEAKY,
                "description", "A page")));
        blocks.pages().publish(targetId);

        String after = BlockPages.main(anonymous.get(before.path()).body());

        assertThat(BlockPages.main(before.html())).doesNotContain("page-link");
        assertThat(after).contains("<p class=\"page-link\"><a href=\"" + target.get("path").asString() + "\">"
                + "&lt;script&gt;steal()&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=steal()&gt;</a> — A page</p>");
        assertThat(after).doesNotContain("<script", "<img");
    }
}
