package dev.floe.blocks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of value a field holds. {@code TEXT_LIST} is a list of plain texts (a table's header row),
 * {@code TEXT_GRID} a list of rows of plain texts (a table's body). {@code IMAGE} and {@code DOCUMENT} hold the id of
 * an item in the media library, checked by the {@link FieldReference} for that type.
 */
public enum FieldType {
    TEXT, RICHTEXT, URL, INTEGER, DECIMAL, BOOLEAN, DATE, CHOICE, PAGE, LIST, SLUG, EMAIL, PHONE, TEXT_LIST, TEXT_GRID, IMAGE, DOCUMENT;

    @JsonCreator
    public static FieldType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown field type '" + name + "'; the types are "
                    + Arrays.stream(values()).map(FieldType::label).collect(Collectors.joining(", ")));
        }
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
