package dev.floe.pages;

import java.util.List;
import java.util.Map;

import dev.floe.blocks.Block;

/** What an editor writes on a page, kept as one document for the draft, the live version and each revision. */
public record PageContent(String title, String layout, Map<String, Object> fields, Map<String, List<Block>> slots) {

    public PageContent {
        fields = fields == null ? Map.of() : fields;
        slots = slots == null ? Map.of() : slots;
    }
}
