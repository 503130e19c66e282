package dev.floe.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.ContentValidationException;
import dev.floe.blocks.FieldSpec;
import dev.floe.blocks.FieldType;
import dev.floe.blocks.ValidationProblem;
import dev.floe.pages.DraftInput;
import dev.floe.pages.PageType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page editor's form as submitted: {@code title}, {@code slug}, {@code layout}, page fields as {@code f.NAME}, and
 * for each slot the keys of its blocks in the order they stand on the page ({@code slot.NAME}, repeated), each block's
 * type and fields as {@code b.KEY.type} and {@code b.KEY.FIELD}. Reordering blocks in the browser is reordering those
 * inputs; nothing needs renumbering.
 */
record PageEditorForm(DraftInput input, Map<String, List<String>> blockKeys, Map<String, Object> values,
                      List<ValidationProblem> problems) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads the form for a page of this type; values that cannot be read become problems named like the validator's. */
    static PageEditorForm read(HttpServletRequest request, PageType type, BlockTypes blockTypes) {
        List<ValidationProblem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        type.fields().forEach((name, spec) -> {
            Object value = value(request, "f." + name, spec, null, null, name, problems);
            values.put("f." + name, request.getParameter("f." + name));
            fields.put(name, value);
        });
        Map<String, Object> slots = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        readSlots(request, type.slots().keySet(), blockTypes, slots, keys, values, problems);
        DraftInput input = new DraftInput(request.getParameter("title"), blankToNull(request.getParameter("slug")),
                blankToNull(request.getParameter("layout")), fields, slots);
        return new PageEditorForm(input, keys, values, problems);
    }

    /**
     * Reads only the block slots (and a {@code title}) of a form that has no page around it, such as shared content or
     * a response page; the input's slots map each slot name to its list of blocks.
     */
    static PageEditorForm readSlots(HttpServletRequest request, Collection<String> slotNames, BlockTypes blockTypes) {
        List<ValidationProblem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> slots = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        readSlots(request, slotNames, blockTypes, slots, keys, values, problems);
        DraftInput input = new DraftInput(request.getParameter("title"), null, null, Map.of(), slots);
        return new PageEditorForm(input, keys, values, problems);
    }

    private static void readSlots(HttpServletRequest request, Collection<String> slotNames, BlockTypes blockTypes,
                                  Map<String, Object> slots, Map<String, List<String>> keys, Map<String, Object> values,
                                  List<ValidationProblem> problems) {
        for (String slot : slotNames) {
            String[] blockKeys = request.getParameterValues("slot." + slot);
            List<Object> blocks = new ArrayList<>();
            List<String> order = new ArrayList<>();
            for (String key : blockKeys == null ? new String[0] : blockKeys) {
                if (!key.matches("[A-Za-z0-9_-]{1,40}")) {
                    continue;
                }
                String blockTypeName = request.getParameter("b." + key + ".type");
                BlockType blockType = blockTypeName == null ? null : blockTypes.find(blockTypeName).orElse(null);
                Map<String, Object> value = new LinkedHashMap<>();
                if (blockType != null) {
                    for (Map.Entry<String, FieldSpec> field : blockType.fields().entrySet()) {
                        String param = "b." + key + "." + field.getKey();
                        values.put(param, request.getParameter(param));
                        Object v = value(request, param, field.getValue(), slot, blocks.size(), field.getKey(), problems);
                        if (v != null) {
                            value.put(field.getKey(), v);
                        }
                    }
                }
                Map<String, Object> block = new LinkedHashMap<>();
                block.put("type", blockTypeName);
                block.put("value", value);
                blocks.add(block);
                order.add(key);
            }
            slots.put(slot, blocks);
            keys.put(slot, order);
        }
    }

    /** Throws the problems found while reading, as the validator would, so both show the same way. */
    void requireReadable() {
        if (!problems.isEmpty()) {
            throw new ContentValidationException(problems);
        }
    }

    private static Object value(HttpServletRequest request, String param, FieldSpec spec, String slot, Integer block,
                                String field, List<ValidationProblem> problems) {
        String raw = request.getParameter(param);
        if (spec.type() == FieldType.BOOLEAN) {
            return raw != null && !raw.isEmpty() && !raw.equals("false");
        }
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        return switch (spec.type()) {
            case INTEGER, PAGE, IMAGE, DOCUMENT -> text.matches("-?[0-9]{1,18}") ? Long.parseLong(text) : text;
            case DECIMAL -> {
                try {
                    yield new BigDecimal(text).doubleValue();
                } catch (NumberFormatException e) {
                    yield text;
                }
            }
            case LIST, TEXT_LIST, TEXT_GRID -> {
                try {
                    yield JSON.readValue(text, Object.class);
                } catch (JacksonException e) {
                    problems.add(new ValidationProblem(slot, block, null, field,
                            "is not valid JSON (write it as a JSON list, such as [\"a\", \"b\"])"));
                    yield null;
                }
            }
            default -> raw;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
