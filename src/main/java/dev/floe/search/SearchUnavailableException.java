package dev.floe.search;

/** The search engine cannot answer (down, unreachable or failing); the rest of the site keeps working. */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(Throwable cause) {
        super("Search is unavailable at the moment; please try again in a few minutes.", cause);
    }
}
