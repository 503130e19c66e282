package dev.floe.blocks;

import static dev.floe.api.Refusal.assertRefused;
import static dev.floe.api.Refusal.detailFields;
import static dev.floe.blocks.BlockPages.block;
import static dev.floe.blocks.BlockPages.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Blocks that show the site's structure: child pages, content listings, page anchors and the anchor list. */
class PageStructureBlocksTest extends FloeIntegrationTest {

    BlockPages blocks;

    @BeforeEach
    void setUp() {
        blocks = new BlockPages(api, anonymous);
    }

    @Test
    void childPagesListsTheLiveChildrenInTheirOrderWithSummariesAndLinks() {
        BlockPages.Published parent = blocks.publishPage(block("child_pages", Map.of("title", "In this section")));
        JsonNode first = child(parent.id(), "First <child>", "The first one.");
        child(parent.id(), "Never published", null);
        JsonNode second = child(parent.id(), "Second child", null);
        blocks.pages().publish(first.get("id").asLong());
        blocks.pages().publish(second.get("id").asLong());

        String html = BlockPages.main(anonymous.get(parent.path()).body());

        assertThat(html).contains("<nav class=\"block-child-pages\" aria-label=\"In this section\"><h2>In this section</h2>",
                "<li><a href=\"" + first.get("path").asString() + "\">First &lt;child&gt;</a><p>The first one.</p></li>"
                        + "<li><a href=\"" + second.get("path").asString() + "\">Second child</a></li>");
        assertThat(html).doesNotContain("Never published", "<child>");
    }

    @Test
    void childPagesShowsNothingForAPageWithoutLiveChildrenAndTakesOnlyATitle() {
        String html = blocks.publish(block("child_pages", Map.of()));
        JsonNode refused = assertRefused(blocks.tryCreate(block("child_pages", Map.of("parent", 1))), 422);

        assertThat(html).doesNotContain("block-child-pages");
        assertThat(detailFields(refused)).containsExactly("parent");
    }

    @Test
    void aContentListingShowsTheListingsFirstItemsInItsOrderWithACountAndALinkToWhereTheRestContinue() {
        Listing news = listingWithArticles(12);

        String few = blocks.publish(block("content_listing", Map.of("page", news.id(), "count", 3, "title", "Latest news")));
        String tenth = blocks.publish(block("content_listing", Map.of("page", news.id(), "count", 10)));
        String all = blocks.publish(block("content_listing", Map.of("page", news.id(), "count", 12)));
        String listingPageOne = anonymous.get(news.path()).body();
        String listingPageTwo = anonymous.get(news.path() + "?page=2").body();

        assertThat(titles(few)).containsExactlyElementsOf(titles(listingPageOne).subList(0, 3));
        assertThat(few).contains("<h2>Latest news</h2>", "<p class=\"listing-count\">3 of 12</p>",
                "<a class=\"more\" href=\"" + news.path() + "\">More from News &amp; views</a>");
        assertThat(titles(tenth)).containsExactlyElementsOf(titles(listingPageOne));
        assertThat(tenth).contains("<h2>News &amp; views</h2>", "10 of 12", "href=\"" + news.path() + "?page=2\"");
        assertThat(titles(listingPageTwo)).hasSize(2).doesNotContainAnyElementsOf(titles(tenth));
        assertThat(all).contains("12 of 12").doesNotContain("class=\"more\"");
    }

    @Test
    void aContentListingNeedsAPageThatExistsAndACountFromOneToFifty() {
        Listing news = listingWithArticles(1);

        for (Object count : List.of(0, 51, "3", 2.5)) {
            assertThat(detailFields(assertRefused(blocks.tryCreate(block("content_listing", Map.of("page", news.id(), "count", count))), 422)))
                    .as(String.valueOf(count)).containsExactly("count");
        }
        JsonNode missing = assertRefused(blocks.tryCreate(block("content_listing", Map.of("page", 987_654_321))), 422);
        JsonNode none = assertRefused(blocks.tryCreate(block("content_listing", Map.of("count", 3))), 422);

        assertThat(missing.get("error").asString()).contains("refers to page 987654321, which does not exist");
        assertThat(detailFields(none)).containsExactly("page");
    }

    @Test
    void aContentListingOfAPageThatIsNotALiveListingShowsNothing() {
        long plain = blocks.pages().createUnderHome(BlockPages.unique("plain"), "Plain").get("id").asLong();
        blocks.pages().publish(plain);
        long unpublished = createListing("Unpublished listing").id();

        String html = blocks.publish(block("content_listing", Map.of("page", plain)),
                block("content_listing", Map.of("page", unpublished)));

        assertThat(html).doesNotContain("block-content-listing");
    }

    @Test
    void pageAnchorsAreIdsAndTheAnchorListLinksToEachOfThemWithItsLabel() {
        String html = blocks.publish(
                block("anchor_list", Map.of("title", "On this page")),
                block("page_anchor", Map.of("anchor", "opening-hours", "label", "Opening <hours>")),
                block("text", Map.of("html", "<p>9 to 5</p>")),
                block("page_anchor", Map.of("anchor", "how-to-find-us")));

        assertThat(html).contains("<nav class=\"block-anchor-list\" aria-label=\"On this page\"><h2>On this page</h2>",
                "<li><a href=\"#opening-hours\">Opening &lt;hours&gt;</a></li><li><a href=\"#how-to-find-us\">how-to-find-us</a></li>",
                "<div class=\"page-anchor\" id=\"opening-hours\"></div>", "<div class=\"page-anchor\" id=\"how-to-find-us\"></div>");
    }

    @Test
    void anAnchorListWithoutAnchorsShowsNothing() {
        assertThat(blocks.publish(block("anchor_list", Map.of()))).doesNotContain("block-anchor-list");
    }

    @Test
    void anAnchorNameIsASlugUniqueOnThePageAndNotOneTheLayoutUses() {
        for (String anchor : List.of("Opening Hours", "x\" onmouseover=\"steal()", "#top", "a--b", "-a", "é", "a".repeat(101))) {
            JsonNode error = assertRefused(blocks.tryCreate(block("page_anchor", Map.of("anchor", anchor))), 422);
            assertThat(detailFields(error)).as(anchor).containsExactly("anchor");
            assertThat(error.get("error").asString()).contains("lower-case letters, digits and single hyphens");
        }
        JsonNode twice = assertRefused(blocks.tryCreate(block("page_anchor", Map.of("anchor", "faq")),
                block("text", Map.of("html", "<p>x</p>")), block("page_anchor", Map.of("anchor", "faq"))), 422);
        JsonNode layout = assertRefused(blocks.tryCreate(block("page_anchor", Map.of("anchor", "content"))), 422);

        assertThat(twice.get("details").get(0).get("block").asInt()).isEqualTo(2);
        assertThat(twice.get("error").asString()).contains("'faq' is already the anchor of block 1 in slot 'main'");
        assertThat(layout.get("error").asString()).contains("used by the page layout");
        Api.Response trimmed = blocks.tryCreate(block("page_anchor", Map.of("anchor", "  directions  ")));
        assertThat(trimmed.status()).as(trimmed.body()).isEqualTo(201);
        assertThat(trimmed.json().get("slots").get("main").get(0).get("value").get("anchor").asString()).isEqualTo("directions");
    }

    private record Listing(long id, String path) {
    }

    private Listing createListing(String title) {
        Api.Response created = api.post("/api/v2/pages/", Map.of("parent", blocks.pages().homeId(), "type", "listing_page",
                "title", title, "slug", BlockPages.unique("news")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Listing(created.json().get("id").asLong(), created.json().get("path").asString());
    }

    private Listing listingWithArticles(int count) {
        Listing listing = createListing("News & views");
        blocks.pages().publish(listing.id());
        for (int i = 1; i <= count; i++) {
            Api.Response article = api.post("/api/v2/pages/", Map.of("parent", listing.id(), "type", "article",
                    "title", "Article " + i, "slug", "article-" + i,
                    "fields", Map.of("date", "2030-01-" + String.format("%02d", i), "summary", "Summary " + i)));
            assertThat(article.status()).as(article.body()).isEqualTo(201);
            blocks.pages().publish(article.json().get("id").asLong());
        }
        return listing;
    }

    private JsonNode child(long parent, String title, String summary) {
        Api.Response created = api.post("/api/v2/pages/", Map.of("parent", parent, "type", "layout_page", "title", title,
                "slug", BlockPages.unique("child"), "fields", summary == null ? Map.of() : value("seo_description", summary)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static List<String> titles(String html) {
        List<String> titles = new ArrayList<>();
        Matcher matcher = Pattern.compile(">(Article \\d+)</a>").matcher(html);
        while (matcher.find()) {
            titles.add(matcher.group(1));
        }
        return titles;
    }
}
