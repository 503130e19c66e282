package dev.floe.search;

/**
 * What a visitor or editor asked for: the words, an optional content type to narrow to, the page of results, how
 * many per page, and whether to search editors' drafts instead of the live site.
 */
public record SearchQuery(String text, String type, int page, int perPage, boolean drafts) {

    public static final int MAX_PER_PAGE = 50;
    /** Elasticsearch's default result window: no engine is asked for hits beyond it. */
    public static final int MAX_RESULT_WINDOW = 10_000;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        type = type == null || type.isBlank() ? null : type.strip();
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be from 1 to " + MAX_PER_PAGE);
        }
        if (text.length() > 500) {
            throw new IllegalArgumentException("the search text is too long (500 characters at most)");
        }
    }

    public static SearchQuery live(String text, String type, int page) {
        return new SearchQuery(text, type, page, 10, false);
    }

    int offset() {
        return (page - 1) * perPage;
    }
}
