package dev.floe.redirects;

/** No redirect has that id. */
public class RedirectNotFoundException extends RuntimeException {
    public RedirectNotFoundException(long id) {
        super("There is no redirect with id " + id + ".");
    }
}
