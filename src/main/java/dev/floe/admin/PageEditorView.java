package dev.floe.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.floe.accounts.FloeUser;
import dev.floe.blocks.Block;
import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.FieldSpec;
import dev.floe.blocks.FieldType;
import dev.floe.blocks.RichTextSanitizer;
import dev.floe.blocks.ValidationProblem;
import dev.floe.pages.PageContent;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds what the editor template shows: each field of the page type and each block of each slot with its inputs'
 * names, values and any validation problem beside it, from stored content or from a form sent back with problems.
 */
@Component
class PageEditorView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockTypes blockTypes;
    private final RichTextSanitizer sanitizer;
    private final PageTree tree;

    PageEditorView(BlockTypes blockTypes, RichTextSanitizer sanitizer, PageTree tree) {
        this.blockTypes = blockTypes;
        this.sanitizer = sanitizer;
        this.tree = tree;
    }

    /** The editor's form for stored content. */
    Map<String, Object> fromContent(PageType type, PageContent content) {
        Map<String, Object> values = new HashMap<>();
        content.fields().forEach((name, value) -> values.put("f." + name, display(type.fields().get(name), value)));
        StoredBlocks blocks = storedBlocks(content.slots(), values);
        Map<String, Object> form = form(type, content.title(), content.layout(), values, blocks.keys(), blocks.typeOf(), Map.of());
        form.put("hidden_content", hiddenContent(type, content));
        return form;
    }

    /**
     * What is stored that this form cannot show, and saving it would drop: fields, slots and block types that this
     * release does not declare (taken out of site.yaml, or a release rolled back). The editor is told before saving.
     */
    private List<String> hiddenContent(PageType type, PageContent content) {
        List<String> notes = new ArrayList<>();
        content.fields().forEach((field, value) -> {
            if (value != null && !type.fields().containsKey(field)) {
                notes.add("The field '" + field + "', which this page type no longer declares, holds a value. It is not shown"
                        + " here, and saving this page removes it.");
            }
        });
        content.slots().forEach((slot, blocks) -> {
            if (blocks.isEmpty()) {
                return;
            }
            if (!type.slots().containsKey(slot)) {
                notes.add("The slot '" + slot + "', which this page type no longer has, holds " + count(blocks.size())
                        + ". They are not shown here, and saving this page removes them.");
                return;
            }
            Map<String, Long> undeclared = blocks.stream().filter(block -> blockTypes.find(block.type()).isEmpty())
                    .collect(Collectors.groupingBy(Block::type, LinkedHashMap::new, Collectors.counting()));
            undeclared.forEach((blockType, number) -> notes.add("The slot '" + slot + "' holds " + count(number)
                    + " of the type '" + blockType + "', which this release of the site does not declare. "
                    + (number == 1 ? "It is" : "They are") + " not shown here or on the site, and saving this page removes "
                    + (number == 1 ? "it." : "them.")));
        });
        return notes;
    }

    private static String count(long blocks) {
        return blocks == 1 ? "1 block" : blocks + " blocks";
    }

    /** The block slots alone, for blocks without a page around them (shared content, response pages). */
    Map<String, Object> slotsFromContent(Map<String, List<String>> accepted, Map<String, List<Block>> content) {
        Map<String, Object> values = new HashMap<>();
        StoredBlocks blocks = storedBlocks(content, values);
        return Map.of("slots", slots(accepted, values, blocks.keys(), blocks.typeOf(), Map.of()));
    }

    /**
     * The block slots alone as they were sent: problems about a block's field beside it, problems about another field
     * of the form in {@code fieldErrors} by the field's name, and the rest in {@code general}.
     */
    Map<String, Object> slotsFromForm(Map<String, List<String>> accepted, jakarta.servlet.http.HttpServletRequest request,
                                      PageEditorForm form, List<ValidationProblem> problems, FormErrors fieldErrors,
                                      List<String> general) {
        Map<String, String> blockTypeOf = sentBlockTypes(request, form);
        Map<String, String> errors = new HashMap<>();
        for (ValidationProblem problem : problems) {
            if (problem.slot() == null && problem.field() != null) {
                fieldErrors.field(problem.field(), capitalise(problem.message()));
                continue;
            }
            String name = inputName(problem, form.blockKeys());
            if (name == null) {
                general.add(problem.sentence());
            } else {
                errors.merge(name, problem.message(), (a, b) -> a + "; " + b);
            }
        }
        return Map.of("slots", slots(accepted, new HashMap<>(form.values()), form.blockKeys(), blockTypeOf, errors),
                "error_count", errors.size());
    }

    private record StoredBlocks(Map<String, List<String>> keys, Map<String, String> typeOf) {
    }

    /** Gives each stored block a fresh key and puts its fields' values under their input names. */
    private StoredBlocks storedBlocks(Map<String, List<Block>> content, Map<String, Object> values) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Map<String, String> blockTypeOf = new HashMap<>();
        content.forEach((slot, blocks) -> {
            List<String> slotKeys = new ArrayList<>();
            for (Block block : blocks) {
                String key = newKey();
                slotKeys.add(key);
                blockTypeOf.put(key, block.type());
                BlockType blockType = blockTypes.find(block.type()).orElse(null);
                block.value().forEach((field, value) -> values.put("b." + key + "." + field,
                        display(blockType == null ? null : blockType.fields().get(field), value)));
            }
            keys.put(slot, slotKeys);
        });
        return new StoredBlocks(keys, blockTypeOf);
    }

    private static Map<String, String> sentBlockTypes(jakarta.servlet.http.HttpServletRequest request, PageEditorForm form) {
        Map<String, String> blockTypeOf = new HashMap<>();
        form.blockKeys().values().forEach(keys -> keys.forEach(key -> blockTypeOf.put(key, request.getParameter("b." + key + ".type"))));
        return blockTypeOf;
    }

    /** The editor's form as it was sent, with the problems found placed beside their fields. */
    Map<String, Object> fromForm(PageType type, jakarta.servlet.http.HttpServletRequest request, PageEditorForm form,
                                 List<ValidationProblem> problems, List<String> general) {
        Map<String, String> blockTypeOf = sentBlockTypes(request, form);
        Map<String, Object> values = new HashMap<>(form.values());
        Map<String, String> errors = new HashMap<>();
        for (ValidationProblem problem : problems) {
            String name = inputName(problem, form.blockKeys());
            if (name == null) {
                general.add(problem.sentence());
            } else {
                errors.merge(name, problem.message(), (a, b) -> a + "; " + b);
            }
        }
        return form(type, request.getParameter("title"), request.getParameter("layout"), values, form.blockKeys(), blockTypeOf, errors);
    }

    /** Whether the signed-in user may add or change blocks of this type: some need a permission, such as raw HTML. */
    boolean mayEdit(BlockType type) {
        return type.permission() == null
                || CurrentUser.get().map(FloeUser::permissions).orElse(Set.of()).contains(type.permission());
    }

    /** Why the signed-in user may not add a block of this type. */
    static String refusal(BlockType type) {
        return "You need the '" + type.permission() + "' permission to add or change " + type.label()
                + " blocks; ask an administrator.";
    }

    /** An empty block of a type, as the "add block" button inserts it. */
    Map<String, Object> newBlock(BlockType type) {
        return block(newKey(), type, Map.of(), Map.of());
    }

    private Map<String, Object> form(PageType type, String title, String layout, Map<String, Object> values,
                                     Map<String, List<String>> keys, Map<String, String> blockTypeOf, Map<String, String> errors) {
        Map<String, Object> form = new HashMap<>();
        form.put("title", title == null ? "" : title);
        form.put("title_error", errors.get("title"));
        form.put("slug_error", errors.get("slug"));
        form.put("layout", layout == null ? type.defaultLayout() : layout);
        form.put("layout_error", errors.get("layout"));
        List<Map<String, Object>> fields = new ArrayList<>();
        type.fields().forEach((name, spec) -> fields.add(field("f." + name, name, spec, values, errors)));
        form.put("fields", fields);
        form.put("slots", slots(type.slots(), values, keys, blockTypeOf, errors));
        form.put("error_count", errors.size());
        return form;
    }

    private List<Map<String, Object>> slots(Map<String, List<String>> accepted, Map<String, Object> values,
                                            Map<String, List<String>> keys, Map<String, String> blockTypeOf,
                                            Map<String, String> errors) {
        List<Map<String, Object>> slots = new ArrayList<>();
        accepted.forEach((slot, acceptedTypes) -> {
            Map<String, Object> view = new HashMap<>();
            view.put("name", slot);
            // Block types that need a permission the user lacks are not offered; such blocks already there stay, locked.
            view.put("accepted", acceptedTypes.stream().map(name -> blockTypes.find(name).orElseThrow()).filter(this::mayEdit)
                    .map(t -> Map.of("name", t.name(), "label", t.label())).toList());
            List<Map<String, Object>> blocks = new ArrayList<>();
            for (String key : keys.getOrDefault(slot, List.of())) {
                BlockType blockType = blockTypes.find(blockTypeOf.get(key)).orElse(null);
                if (blockType != null) {
                    blocks.add(block(key, blockType, values, errors));
                }
            }
            view.put("blocks", blocks);
            slots.add(view);
        });
        return slots;
    }

    private Map<String, Object> block(String key, BlockType type, Map<String, Object> values, Map<String, String> errors) {
        Map<String, Object> block = new HashMap<>();
        block.put("key", key);
        block.put("type", type.name());
        block.put("label", type.label());
        boolean locked = !mayEdit(type);
        block.put("locked", locked);
        block.put("permission", type.permission());
        List<Map<String, Object>> fields = new ArrayList<>();
        type.fields().forEach((name, spec) -> {
            Map<String, Object> field = field("b." + key + "." + name, name, spec, values, errors);
            field.put("locked", locked);
            fields.add(field);
        });
        block.put("fields", fields);
        block.put("has_error", fields.stream().anyMatch(f -> f.get("error") != null));
        return block;
    }

    private Map<String, Object> field(String input, String name, FieldSpec spec, Map<String, Object> values,
                                             Map<String, String> errors) {
        Map<String, Object> field = new HashMap<>();
        field.put("input", input);
        field.put("id", input.replace('.', '-'));
        field.put("name", name);
        field.put("label", spec.label() != null ? spec.label() : humanise(name));
        field.put("help", spec.help());
        field.put("kind", kind(spec));
        field.put("required", spec.required());
        field.put("max_length", spec.maxLength());
        field.put("choices", spec.choices());
        field.put("list_image", listImageField(spec));
        Object value = values.get(input);
        String text = value == null ? "" : value.toString();
        // Rich text is shown as HTML in the editor; what a form sent back is cleaned as a save would clean it.
        field.put("value", spec.type() == FieldType.RICHTEXT ? sanitizer.sanitize(text) : text);
        field.put("checked", value != null && (Boolean.TRUE.equals(value) || "true".equals(value) || "on".equals(value)));
        field.put("error", errors.get(input));
        if (spec.type() == FieldType.PAGE) {
            field.put("chosen", chosenPage(text));
        }
        return field;
    }

    /** What the page chooser shows for the page a field holds: its title and path, or null when there is none. */
    private String chosenPage(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return null;
        }
        return tree.find(Long.parseLong(id)).map(page -> page.getTitle() + " (" + page.getPath() + ")").orElse(null);
    }

    /** Which control the template draws for a field type. */
    private static String kind(FieldSpec spec) {
        return switch (spec.type()) {
            case RICHTEXT -> "richtext";
            case BOOLEAN -> "checkbox";
            case CHOICE -> "select";
            case INTEGER -> "integer";
            case PAGE -> "page";
            case DECIMAL -> "decimal";
            case DATE -> "date";
            case URL -> "url";
            case EMAIL -> "email";
            case LIST, TEXT_LIST, TEXT_GRID -> "json";
            case IMAGE -> "image";
            case DOCUMENT -> "document";
            case TEXT -> spec.maxLength() == null || spec.maxLength() > 300 ? "textarea" : "text";
            default -> "text";
        };
    }

    /** For a list of items that each hold an image (a gallery's), the item's image field, so the chooser can add items. */
    private static String listImageField(FieldSpec spec) {
        if (spec.type() != FieldType.LIST || spec.fields() == null) {
            return null;
        }
        return spec.fields().entrySet().stream().filter(e -> e.getValue().type() == FieldType.IMAGE)
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    private static Object display(FieldSpec spec, Object value) {
        if (value == null) {
            return null;
        }
        if (spec != null && (spec.type() == FieldType.LIST || spec.type() == FieldType.TEXT_LIST || spec.type() == FieldType.TEXT_GRID)) {
            return JSON.writeValueAsString(value);
        }
        return value;
    }

    /** The form input a validation problem belongs beside, or null when it concerns the page as a whole. */
    private static String inputName(ValidationProblem problem, Map<String, List<String>> keys) {
        if (problem.field() == null) {
            return null;
        }
        String field = problem.field().split("[.\\[]", 2)[0];
        if (problem.slot() == null) {
            return switch (field) {
                case "title", "slug", "layout" -> field;
                default -> "f." + field;
            };
        }
        List<String> slotKeys = keys.get(problem.slot());
        if (slotKeys == null || problem.block() == null || problem.block() >= slotKeys.size()) {
            return null;
        }
        return "b." + slotKeys.get(problem.block()) + "." + field;
    }

    private static String capitalise(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private static String humanise(String name) {
        String words = name.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String newKey() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
