package dev.floe.search;

import static dev.floe.search.SearchFixtures.finds;
import static dev.floe.search.SearchFixtures.q;
import static dev.floe.search.SearchFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The public search page and the suggestions while typing, as a visitor's browser gets them. */
class SearchPageTest extends FloeIntegrationTest {

    private SearchFixtures pages;

    @BeforeEach
    void fixtures() {
        pages = new SearchFixtures(api);
    }

    @Test
    void theSearchPageShowsHighlightedHitsTypeFiltersAndPaging() {
        String w = word();
        for (int i = 0; i < 11; i++) {
            pages.publishedPage("Result " + i + " " + w, "<p>Body of result " + i + ".</p>");
        }
        pages.awaitSearch(anonymous, q(w), body -> body.get("meta").get("total").asLong() == 11);
        Api.Response page = anonymous.get("/search/?" + q(w));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("11 results match").contains("<mark>" + w + "</mark>")
                .contains("Page <span class=\"count\">(11)</span>").contains("Page 1 of 2").contains("rel=\"next\"").contains("js/search.js");
        assertThat(anonymous.get("/search/?" + q(w) + "&page=2").body()).contains("Page 2 of 2").contains("rel=\"prev\"");
        assertThat(anonymous.get("/search/?" + q(w) + "&type=article").body()).contains("Nothing matches");
    }

    @Test
    void whatTheVisitorTypedAndWhatEditorsWroteIsEscaped() {
        String w = word();
        long id = pages.publishedPage("<script>alert(1)</script> " + w, "<p>Fish &amp; chips " + w + "</p>");
        pages.awaitSearch(anonymous, q(w), finds(id));
        String found = anonymous.get("/search/?" + q(w)).body();
        assertThat(found).contains("&lt;script&gt;alert(1)").contains("<mark>" + w + "</mark></a></h2>").doesNotContain("<script>alert(1)")
                .contains("Fish &amp; chips");
        String typed = anonymous.get("/search/?" + q(w + " <img src=x onerror=alert(2)>")).body();
        assertThat(typed).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void anEmptySearchShowsTheFormAndNoResults() {
        Api.Response page = anonymous.get("/search/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"q\"").doesNotContain("results match");
    }

    @Test
    void suggestionsCompleteTitlesFromTheFirstLettersOfTheirWords() {
        String w = word();
        long live = pages.publishedPage("Maritime " + w + " gallery", "<p>x</p>");
        long draftOnly = pages.create(pages.homeId(), "layout_page", "Maritime " + w + " secret", java.util.Map.of(),
                SearchFixtures.text("<p>y</p>")).get("id").asLong();
        pages.awaitSearch(anonymous, q(w), finds(live));
        pages.awaitSearch(api, q(w) + "&drafts=true", finds(draftOnly));
        JsonNode suggestions = anonymous.get("/search/suggest?q=" + w.substring(0, 6) + "%20marit").json();
        assertThat(suggestions.get("items")).hasSize(1);
        assertThat(suggestions.get("items").get(0).get("title").asString()).isEqualTo("Maritime " + w + " gallery");
        assertThat(suggestions.get("items").get(0).get("url").asString()).startsWith("/");
        assertThat(anonymous.get("/search/suggest?q=").json().get("items")).isEmpty();
        assertThat(anonymous.get("/search/suggest?q=" + "a".repeat(300)).status()).isEqualTo(400);
        assertThat(anonymous.get("/static/js/search.js").status()).isEqualTo(200);
    }
}
