package dev.floe.search;

import java.util.List;

/**
 * One page of search results: the hits, how many there are in all, the count per content type (for the filter), and
 * a corrected query when the words look misspelt.
 */
public record SearchResults(SearchQuery query, long total, List<Hit> hits, List<TypeCount> types, String didYouMean) {

    /** One page found: its title and a snippet as HTML with the matched words in {@code <mark>}, already escaped. */
    public record Hit(long id, String title, String titleHtml, String path, String type, String typeLabel,
                      String snippetHtml, boolean live) {
    }

    /** How many hits a content type has, for the filter. */
    public record TypeCount(String type, String label, long count) {
    }

    public int pages() {
        long reachable = Math.min(total, SearchQuery.MAX_RESULT_WINDOW);
        return (int) Math.max(1, (reachable + query.perPage() - 1) / query.perPage());
    }
}
