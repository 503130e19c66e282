package dev.floe.media;

import java.util.Locale;

/** The image formats the library accepts; SVG is kept as sanitized vector text, the others are decoded. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    SVG("image/svg+xml", "svg");

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean raster() {
        return this != SVG;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
