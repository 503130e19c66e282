package dev.floe.blocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

import org.springframework.stereotype.Component;

import dev.floe.config.SettingsException;
import dev.floe.config.SiteProject;

/** The block types the platform and the site declare, and the validation of slots full of blocks. */
@Component
public class BlockTypes {

    private static final int MAX_BLOCKS_PER_SLOT = 500;

    private final Map<String, BlockType> types;
    private final FieldValidator validator;
    private final Map<String, BlockRule> rules = new LinkedHashMap<>();

    public BlockTypes(SiteProject site, FieldValidator validator, List<BlockRule> rules) {
        this.validator = validator;
        rules.forEach(rule -> {
            if (this.rules.putIfAbsent(rule.blockType(), rule) != null) {
                throw new IllegalStateException("two rules claim the block type '" + rule.blockType() + "'");
            }
        });
        Map<String, Declaration> declared = site.<Map<String, Declaration>>section("block_types",
                        site.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Declaration.class))
                .orElse(Map.of());
        Map<String, BlockType> byName = new LinkedHashMap<>();
        declared.forEach((name, d) -> {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new SettingsException("block type name '" + name + "' must be lower case letters, digits and _");
            }
            byName.put(name, new BlockType(name, d.label(), d.description(), d.template(), d.permission(), d.fields()));
        });
        this.types = byName;
    }

    /** How a block type is written in YAML. */
    record Declaration(String label, String description, String template, String permission, Map<String, FieldSpec> fields) {
    }

    public Optional<BlockType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public Collection<BlockType> all() {
        return types.values();
    }

    public boolean exists(String name) {
        return types.containsKey(name);
    }

    /**
     * Checks every block in every slot against the slot's accepted types and the block type's fields, and returns
     * the cleaned slots. Problems are added to {@code problems}; nothing is thrown for bad content. Blocks that need
     * a permission the author lacks are kept when they are unchanged from {@code existing}, so that editing the rest of
     * a page does not require every permission its blocks once needed.
     */
    public Map<String, List<Block>> cleanSlots(Map<String, List<String>> accepted, Object input,
                                               Set<String> permissions, Collection<Block> existing,
                                               LongPredicate pageExists, List<ValidationProblem> problems) {
        Map<String, List<Block>> cleaned = new LinkedHashMap<>();
        accepted.keySet().forEach(slot -> cleaned.put(slot, new ArrayList<>()));
        if (input == null) {
            return cleaned;
        }
        if (!(input instanceof Map<?, ?> slots)) {
            problems.add(ValidationProblem.ofField("slots", "must be an object of slot names to lists of blocks"));
            return cleaned;
        }
        Map<String, List<BlockRule.Placed>> placedByType = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : slots.entrySet()) {
            String slot = String.valueOf(entry.getKey());
            List<String> acceptedTypes = accepted.get(slot);
            if (acceptedTypes == null) {
                problems.add(new ValidationProblem(slot, null, null, null, "this page type has no such slot (slots: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted.keySet())) + ")"));
                continue;
            }
            if (!(entry.getValue() instanceof List<?> blocks)) {
                problems.add(new ValidationProblem(slot, null, null, null, "must be a list of blocks"));
                continue;
            }
            if (blocks.size() > MAX_BLOCKS_PER_SLOT) {
                problems.add(new ValidationProblem(slot, null, null, null, "has " + blocks.size()
                        + " blocks; at most " + MAX_BLOCKS_PER_SLOT + " are allowed"));
                continue;
            }
            for (int i = 0; i < blocks.size(); i++) {
                Block block = cleanBlock(slot, i, blocks.get(i), acceptedTypes, permissions, existing, pageExists, problems);
                if (block != null) {
                    cleaned.get(slot).add(block);
                    if (rules.containsKey(block.type())) {
                        placedByType.computeIfAbsent(block.type(), t -> new ArrayList<>())
                                .add(new BlockRule.Placed(slot, i, block.value()));
                    }
                }
            }
        }
        placedByType.forEach((typeName, placed) -> rules.get(typeName).applyTogether(placed, problems));
        return cleaned;
    }

    private static Map<String, Object> asStringKeyed(Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> raw) {
            raw.forEach((k, v) -> map.put(String.valueOf(k), v));
        }
        return map;
    }

    private Block cleanBlock(String slot, int index, Object raw, List<String> acceptedTypes, Set<String> permissions,
                             Collection<Block> existing, LongPredicate pageExists, List<ValidationProblem> problems) {
        if (!(raw instanceof Map<?, ?> map) || !(map.get("type") instanceof String typeName)) {
            problems.add(new ValidationProblem(slot, index, null, null, "a block must be an object with a \"type\" and a \"value\""));
            return null;
        }
        for (Object key : map.keySet()) {
            if (!"type".equals(key) && !"value".equals(key)) {
                problems.add(new ValidationProblem(slot, index, typeName, null, "a block has only \"type\" and \"value\", not \"" + key + "\""));
                return null;
            }
        }
        BlockType type = types.get(typeName);
        if (type == null) {
            problems.add(new ValidationProblem(slot, index, typeName, null, "there is no block type '" + typeName + "'"));
            return null;
        }
        if (!acceptedTypes.contains(typeName)) {
            problems.add(new ValidationProblem(slot, index, typeName, null, "this slot does not accept " + typeName
                    + " blocks (it accepts " + String.join(", ", acceptedTypes) + ")"));
            return null;
        }
        if (type.permission() != null && !permissions.contains(type.permission())
                && !existing.contains(new Block(typeName, asStringKeyed(map.get("value"))))) {
            problems.add(new ValidationProblem(slot, index, typeName, null, "you need the '" + type.permission()
                    + "' permission to add or change " + type.label() + " blocks"));
            return null;
        }
        int before = problems.size();
        FieldValidator.Place place = new FieldValidator.Place(slot, index, typeName);
        BlockRule rule = rules.get(typeName);
        Object sent = map.get("value");
        Object fields = sent;
        if (rule != null && !rule.computedKeys().isEmpty() && sent instanceof Map<?, ?>) {
            Map<String, Object> withoutComputed = asStringKeyed(sent);
            withoutComputed.keySet().removeAll(rule.computedKeys());
            fields = withoutComputed;
        }
        Map<String, Object> value = validator.clean(type.fields(), fields, place, "", pageExists, problems);
        if (problems.size() != before) {
            return null;
        }
        if (rule != null) {
            BlockRule.Report report = new BlockRule.Report(place, problems);
            value = rule.apply(value, asStringKeyed(sent), report);
            if (report.failed()) {
                return null;
            }
        }
        return new Block(typeName, value);
    }
}
