package dev.floe.blocks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One field of a block type or a page type, as declared in YAML by the platform or a site project.
 * {@code fields} describes the items of a {@code list} field.
 */
public record FieldSpec(
        FieldType type,
        String label,
        String help,
        boolean required,
        Integer maxLength,
        Integer min,
        Integer max,
        List<String> choices,
        Map<String, FieldSpec> fields) {

    public FieldSpec {
        if (type == null) {
            throw new IllegalArgumentException("a field needs a type");
        }
        choices = choices == null ? List.of() : List.copyOf(choices);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        if (type == FieldType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("a choice field needs its choices");
        }
        if (maxLength != null && maxLength < 1) {
            throw new IllegalArgumentException("max_length must be 1 or more, not " + maxLength);
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min (" + min + ") is more than max (" + max + ")");
        }
        if (type == FieldType.LIST && fields.isEmpty()) {
            throw new IllegalArgumentException("a list field needs the fields of its items");
        }
    }
}
