package dev.floe.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.floe.config.FloeSettings;
import dev.floe.config.SiteProject;

/** The platform's block library checking slots full of blocks, without a server. */
class BlockTypesTest {

    private static final Map<String, List<String>> MAIN = Map.of("main", List.of("text", "heading", "raw_html"));
    private static final Map<String, Object> RAW = Map.of("type", "raw_html", "value", Map.of("html", "<marquee>hi</marquee>"));

    private final BlockTypes blockTypes = new BlockTypes(new SiteProject(FloeSettings.from(Map.<String, String>of()::get)),
            new FieldValidator(new RichTextSanitizer(), List.of()), List.of());
    private final List<ValidationProblem> problems = new ArrayList<>();

    @Test
    void aRawHtmlBlockNeedsTheRawHtmlPermissionAndTheRefusalNamesIt() {
        Map<String, List<Block>> cleaned = clean(Map.of("main", List.of(text("<p>fine</p>"), RAW)), Set.of(), List.of());

        assertThat(problems).containsExactly(new ValidationProblem("main", 1, "raw_html", null,
                "you need the 'raw_html' permission to add or change Raw HTML blocks"));
        assertThat(new ContentValidationException(problems).getMessage())
                .isEqualTo("The content is not valid: slot 'main', block 2 (raw_html): you need the 'raw_html' permission"
                        + " to add or change Raw HTML blocks.");
        assertThat(cleaned.get("main")).extracting(Block::type).containsExactly("text");
    }

    @Test
    void someoneWithTheRawHtmlPermissionMayAddRawHtmlAsWritten() {
        Map<String, List<Block>> cleaned = clean(Map.of("main", List.of(RAW)), Set.of("raw_html"), List.of());

        assertThat(problems).isEmpty();
        assertThat(cleaned.get("main")).containsExactly(new Block("raw_html", Map.of("html", "<marquee>hi</marquee>")));
    }

    @Test
    void anUnchangedRawHtmlBlockStaysWhenSomeoneWithoutThePermissionEditsTheRestOfThePage() {
        List<Block> existing = List.of(new Block("raw_html", Map.of("html", "<marquee>hi</marquee>")));

        Map<String, List<Block>> kept = clean(Map.of("main", List.of(text("<p>new words</p>"), RAW)), Set.of(), existing);
        assertThat(problems).isEmpty();
        assertThat(kept.get("main")).extracting(Block::type).containsExactly("text", "raw_html");

        clean(Map.of("main", List.of(Map.of("type", "raw_html", "value", Map.of("html", "<blink>changed</blink>")))), Set.of(), existing);
        assertThat(problems).extracting(ValidationProblem::message).containsExactly(
                "you need the 'raw_html' permission to add or change Raw HTML blocks");
    }

    @Test
    void aSlotThePageTypeDoesNotHaveIsRefusedNamingTheSlotsItHasOrNone() {
        clean(Map.of("sidebar", List.of(text("<p>x</p>"))), Set.of(), List.of());
        blockTypes.cleanSlots(Map.of(), Map.of("main", List.of()), Set.of(), List.of(), id -> true, problems);

        assertThat(problems).extracting(ValidationProblem::sentence).containsExactly(
                "slot 'sidebar': this page type has no such slot (slots: main)",
                "slot 'main': this page type has no such slot (slots: none)");
    }

    @Test
    void aBlockIsAnObjectWithATypeAndAValueAndNothingElse() {
        clean(Map.of("main", List.of("text", Map.of("value", Map.of("html", "<p>x</p>")),
                Map.of("type", "text", "value", Map.of("html", "<p>x</p>"), "id", 7))), Set.of(), List.of());

        assertThat(problems).extracting(ValidationProblem::block).containsExactly(0, 1, 2);
        assertThat(problems.get(2).sentence()).isEqualTo("slot 'main', block 3 (text): a block has only \"type\" and \"value\", not \"id\"");
    }

    @Test
    void aSlotOfMoreThanFiveHundredBlocksIsRefused() {
        List<Object> blocks = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            blocks.add(text("<p>" + i + "</p>"));
        }

        clean(Map.of("main", blocks), Set.of(), List.of());

        assertThat(problems).extracting(ValidationProblem::message).containsExactly("has 501 blocks; at most 500 are allowed");
    }

    @Test
    void aBlockRuleSeesWhatWasSentDecidesWhatItComputesAndChecksBlocksTogether() {
        BlockRule stamp = new BlockRule() {
            @Override
            public String blockType() {
                return "heading";
            }

            @Override
            public Set<String> computedKeys() {
                return Set.of("stamp");
            }

            @Override
            public Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report) {
                if ("forbidden".equals(value.get("text"))) {
                    report.problem("text", "is forbidden");
                }
                Map<String, Object> stored = new java.util.LinkedHashMap<>(value);
                stored.put("stamp", "computed, not " + sent.get("stamp"));
                return stored;
            }

            @Override
            public void applyTogether(List<Placed> blocks, List<ValidationProblem> problems) {
                if (blocks.size() > 2) {
                    problems.add(blocks.get(2).problem(blockType(), null, "a page has at most two headings"));
                }
            }
        };
        BlockTypes withRule = new BlockTypes(new SiteProject(FloeSettings.from(Map.<String, String>of()::get)),
                new FieldValidator(new RichTextSanitizer(), List.of()), List.of(stamp));
        Map<String, Object> heading = Map.of("type", "heading", "value", Map.of("text", "Hello", "stamp", "sent"));

        Map<String, List<Block>> cleaned = withRule.cleanSlots(MAIN, Map.of("main", List.of(heading)), Set.of(), List.of(), id -> true, problems);
        assertThat(problems).isEmpty();
        assertThat(cleaned.get("main").getFirst().value()).containsEntry("stamp", "computed, not sent");

        withRule.cleanSlots(MAIN, Map.of("main", List.of(heading, Map.of("type", "heading", "value", Map.of("text", "forbidden")),
                heading, heading)), Set.of(), List.of(), id -> true, problems);
        assertThat(problems).extracting(ValidationProblem::sentence).containsExactly(
                "slot 'main', block 2 (heading), field 'text': is forbidden",
                "slot 'main', block 4 (heading): a page has at most two headings");
    }

    private Map<String, List<Block>> clean(Map<String, ?> slots, Set<String> permissions, List<Block> existing) {
        problems.clear();
        return blockTypes.cleanSlots(MAIN, slots, permissions, existing, id -> id == 1, problems);
    }

    private static Map<String, Object> text(String html) {
        return Map.of("type", "text", "value", Map.of("html", html));
    }
}
