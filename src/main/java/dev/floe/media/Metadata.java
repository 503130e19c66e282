package dev.floe.media;

import java.util.Arrays;
import java.util.List;

/** An image's descriptive fields, ICEkit's: title, alt text, caption, credit, licence and categories. */
public record Metadata(String title, String altText, String caption, String credit, String licence, List<String> categories) {

    public Metadata {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    static List<String> splitCategories(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split(",")).map(String::strip).toList();
    }
}
