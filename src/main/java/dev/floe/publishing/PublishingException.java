package dev.floe.publishing;

/** A publishing step that cannot be done in the page's current state; the message says what to do instead. */
public class PublishingException extends RuntimeException {
    public PublishingException(String message) {
        super(message);
    }
}
