package dev.floe.pages;

/** No page has the given id (or none is visible to the caller). */
public class PageNotFoundException extends RuntimeException {
    public PageNotFoundException(long id) {
        super("There is no page with id " + id + ".");
    }
}
