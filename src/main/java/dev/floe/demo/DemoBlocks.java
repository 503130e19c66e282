package dev.floe.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.ValidationProblem;
import dev.floe.pages.Author;

/**
 * Builds the demo's blocks and keeps only those the site accepts. A site project may redefine or drop block types,
 * and some blocks depend on the site's configuration (iframes need {@code embed_hosts}, embeds an oEmbed provider
 * that answers), so a block the site refuses is left out with a line in the log rather than failing the whole demo.
 */
final class DemoBlocks {

    private static final Logger log = LoggerFactory.getLogger(DemoBlocks.class);

    private final BlockTypes blockTypes;
    private final Author author;

    DemoBlocks(BlockTypes blockTypes, Author author) {
        this.blockTypes = blockTypes;
        this.author = author;
    }

    /** The blocks the site accepts, each as the site cleaned it (so an embed carries the provider's stored answer). */
    List<Map<String, Object>> accepted(List<Map<String, Object>> blocks) {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> block : blocks) {
            String type = String.valueOf(block.get("type"));
            List<ValidationProblem> problems = new ArrayList<>();
            List<Block> cleaned = blockTypes.exists(type)
                    ? blockTypes.cleanSlots(Map.of("main", List.of(type)), Map.of("main", List.of(block)),
                            author.permissions(), List.of(), id -> true, problems).get("main")
                    : List.of();
            if (problems.isEmpty() && cleaned.size() == 1) {
                kept.add(Map.of("type", type, "value", cleaned.getFirst().value()));
            } else {
                log.info("The demo leaves out its {} block, which this site does not accept: {}", type,
                        problems.isEmpty() ? "the site has no such block type" : problems.getFirst().sentence());
            }
        }
        return kept;
    }

    static Map<String, Object> slots(List<Map<String, Object>> main) {
        return Map.of("main", main);
    }

    static Map<String, Object> block(String type, Object... keysAndValues) {
        Map<String, Object> value = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                value.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Map.of("type", type, "value", value);
    }

    static Map<String, Object> text(String html) {
        return block("text", "html", html);
    }

    static Map<String, Object> heading(String text) {
        return block("heading", "text", text, "level", "h2");
    }

    static Map<String, Object> subheading(String text) {
        return block("heading", "text", text, "level", "h3");
    }

    static Map<String, Object> quote(String text, String attribution) {
        return block("quote", "text", text, "attribution", attribution);
    }

    static Map<String, Object> rule() {
        return block("horizontal_rule");
    }

    static Map<String, Object> anchor(String name, String label) {
        return block("page_anchor", "anchor", name, "label", label);
    }

    static Map<String, Object> pageLink(long page, String label, String description) {
        return block("page_link", "page", page, "label", label, "description", description);
    }

    static Map<String, Object> callToAction(String title, String text, String button, long page) {
        return block("call_to_action", "title", title, "text", text, "button_label", button, "page", page);
    }

    static Map<String, Object> contact(DemoCopy.Person person) {
        return block("contact_person", "name", person.name(), "role", person.role(), "email", person.email(),
                "phone", person.phone());
    }

    static Map<String, Object> table(String caption, List<String> header, List<List<String>> rows, boolean rowHeaders) {
        return block("table", "caption", caption, "header", header, "rows", rows, "row_headers", rowHeaders);
    }

    static Map<String, Object> faq(String title, String... questionsAndAnswers) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < questionsAndAnswers.length; i += 2) {
            items.add(Map.of("question", questionsAndAnswers[i], "answer", questionsAndAnswers[i + 1]));
        }
        return block("faq", "title", title, "items", items);
    }

    static Map<String, Object> map(String title, double latitude, double longitude, int zoom) {
        return block("map", "title", title, "latitude", latitude, "longitude", longitude, "zoom", zoom);
    }
}
