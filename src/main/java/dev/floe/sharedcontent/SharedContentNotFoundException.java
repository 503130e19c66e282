package dev.floe.sharedcontent;

/** No shared content has that id. */
public class SharedContentNotFoundException extends RuntimeException {
    public SharedContentNotFoundException(long id) {
        super("There is no shared content " + id + ".");
    }
}
