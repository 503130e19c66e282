package dev.floe.blocks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing wrong with submitted content, located by slot, block position and field so an editor can find it.
 * {@code slot} and {@code block} are null for page-level fields.
 */
public record ValidationProblem(String slot, Integer block, String blockType, String field, String message) {

    public static ValidationProblem ofField(String field, String message) {
        return new ValidationProblem(null, null, null, field, message);
    }

    /** A sentence naming the place and the problem. */
    public String sentence() {
        StringBuilder where = new StringBuilder();
        if (slot != null) {
            where.append("slot '").append(slot).append("'");
            if (block != null) {
                where.append(", block ").append(block + 1);
                if (blockType != null) {
                    where.append(" (").append(blockType).append(")");
                }
            }
        }
        if (field != null) {
            if (!where.isEmpty()) {
                where.append(", ");
            }
            where.append("field '").append(field).append("'");
        }
        return where.isEmpty() ? message : where + ": " + message;
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        if (slot != null) {
            map.put("slot", slot);
        }
        if (block != null) {
            map.put("block", block);
        }
        if (blockType != null) {
            map.put("block_type", blockType);
        }
        if (field != null) {
            map.put("field", field);
        }
        map.put("message", sentence());
        return map;
    }
}
