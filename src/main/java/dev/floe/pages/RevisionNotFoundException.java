package dev.floe.pages;

/** The page has no revision with that id. */
public class RevisionNotFoundException extends RuntimeException {
    public RevisionNotFoundException(long pageId, long revisionId) {
        super("Page " + pageId + " has no revision " + revisionId + ".");
    }
}
