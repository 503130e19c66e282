package dev.floe.media;

/** No image or document has that id. */
public class MediaNotFoundException extends RuntimeException {

    MediaNotFoundException(String what, long id) {
        super("There is no " + what + " " + id + ".");
    }
}
