package dev.floe.blocks;

import java.util.Map;

/**
 * A kind of block (ICEkit's content plugin): its fields, and the template that renders it,
 * {@code blocks/<name>.peb} unless the declaration names another.
 */
public record BlockType(String name, String label, String description, String template, String permission,
                        Map<String, FieldSpec> fields) {

    public BlockType {
        fields = fields == null ? Map.of() : fields;
        label = label == null ? name : label;
        template = template == null ? "blocks/" + name : template;
    }
}
