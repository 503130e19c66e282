package dev.floe.media;

/**
 * An upload or request the library refuses, with the HTTP status that says why: 415 for a format it does not take,
 * 413 for a file over the size limit, 422 for a broken file or bad metadata, 400 for a malformed request.
 */
public class MediaRejectedException extends RuntimeException {

    private final int status;
    private final String field;

    public MediaRejectedException(int status, String message) {
        this(status, null, message);
    }

    public MediaRejectedException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static MediaRejectedException unsupported(String message) {
        return new MediaRejectedException(415, "file", message);
    }

    static MediaRejectedException tooLarge(String message) {
        return new MediaRejectedException(413, "file", message);
    }

    static MediaRejectedException broken(String message) {
        return new MediaRejectedException(422, "file", message);
    }

    static MediaRejectedException invalid(String field, String message) {
        return new MediaRejectedException(422, field, message);
    }

    public int status() {
        return status;
    }

    /** The request field the refusal is about, or null. */
    public String field() {
        return field;
    }
}
