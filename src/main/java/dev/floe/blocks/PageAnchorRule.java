package dev.floe.blocks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * A page anchor's name is an id on the page, so it must differ from every other anchor of the same content and from
 * the ids the platform's layouts use.
 */
@Component
class PageAnchorRule implements BlockRule {

    private static final Set<String> LAYOUT_IDS = Set.of("content");

    @Override
    public String blockType() {
        return "page_anchor";
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report) {
        if (LAYOUT_IDS.contains(String.valueOf(value.get("anchor")))) {
            report.problem("anchor", "'" + value.get("anchor") + "' is used by the page layout; choose another name");
        }
        return value;
    }

    @Override
    public void applyTogether(List<Placed> blocks, List<ValidationProblem> problems) {
        Map<Object, Placed> seen = new HashMap<>();
        for (Placed block : blocks) {
            Placed first = seen.putIfAbsent(block.value().get("anchor"), block);
            if (first != null) {
                problems.add(block.problem(blockType(), "anchor", "'" + block.value().get("anchor")
                        + "' is already the anchor of block " + (first.index() + 1) + " in slot '" + first.slot()
                        + "'; each anchor on a page needs its own name"));
            }
        }
    }
}
