package dev.floe.media;

import java.io.IOException;
import java.io.InputStream;

/** A file as sent: its bytes, the name the sender gave it (never trusted for its type) and its size when known. */
public record Upload(String fileName, long declaredSize, Source source) {

    /** Opens the upload's bytes. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
