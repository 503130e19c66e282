package dev.floe.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.FieldSpec;
import dev.floe.pages.PageType;
import dev.floe.pages.PageTypes;

/** The schema clients build against: page types with their fields, layouts and slots, and the block types. */
@RestController
@RequestMapping(value = "/api/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class PageTypesApi {

    private final PageTypes pageTypes;
    private final BlockTypes blockTypes;

    PageTypesApi(PageTypes pageTypes, BlockTypes blockTypes) {
        this.pageTypes = pageTypes;
        this.blockTypes = blockTypes;
    }

    @GetMapping("/page-types/")
    Map<String, Object> pageTypes() {
        List<Map<String, Object>> items = pageTypes.all().stream().map(PageTypesApi::describe).toList();
        return Map.of("items", items, "meta", Map.of("total", items.size()));
    }

    @GetMapping("/block-types/")
    Map<String, Object> blockTypes() {
        List<Map<String, Object>> items = blockTypes.all().stream().map(PageTypesApi::describe).toList();
        return Map.of("items", items, "meta", Map.of("total", items.size()));
    }

    private static Map<String, Object> describe(PageType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", type.name());
        out.put("label", type.label());
        out.put("description", type.description());
        out.put("behaviour", type.behaviour().name().toLowerCase());
        out.put("fields", fields(type.fields()));
        out.put("layouts", type.layouts());
        out.put("slots", type.slots());
        out.put("parent_types", type.parentTypes());
        out.put("child_types", type.childTypes());
        return out;
    }

    private static Map<String, Object> describe(BlockType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", type.name());
        out.put("label", type.label());
        out.put("description", type.description());
        out.put("permission", type.permission());
        out.put("fields", fields(type.fields()));
        return out;
    }

    private static Map<String, Object> fields(Map<String, FieldSpec> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, spec) -> {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("type", spec.type().label());
            field.put("label", spec.label() == null ? name : spec.label());
            field.put("required", spec.required());
            if (spec.help() != null) {
                field.put("help", spec.help());
            }
            if (spec.maxLength() != null) {
                field.put("max_length", spec.maxLength());
            }
            if (!spec.choices().isEmpty()) {
                field.put("choices", spec.choices());
            }
            if (!spec.fields().isEmpty()) {
                field.put("fields", fields(spec.fields()));
            }
            out.put(name, field);
        });
        return out;
    }
}
