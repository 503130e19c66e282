package dev.floe.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Field declarations checking values, without a server. */
class FieldValidatorTest {

    private static final FieldValidator.Place BLOCK = new FieldValidator.Place("main", 2, "faq");

    private final FieldValidator validator = new FieldValidator(new RichTextSanitizer(), List.of());
    private final List<ValidationProblem> problems = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = {"javascript:steal()", "JAVASCRIPT:steal()", "data:text/html,<script>steal()</script>",
            "vbscript:steal()", "file:///etc/passwd", "https://example.org/a b", "https://example.org/\"><script>", "www.example.org"})
    void aUrlFieldRefuses(String url) {
        Map<String, Object> cleaned = clean(Map.of("link", spec(FieldType.URL, false)), Map.of("link", url));

        assertThat(cleaned).isEmpty();
        assertThat(problems).containsExactly(new ValidationProblem("main", 2, "faq", "link",
                "must be an http(s), mailto or tel URL, or a path starting with /"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a?b=c", "HTTP://EXAMPLE.ORG", "/about/", "mailto:a@example.org", "tel:+1 (555) 010-0000", "#top"})
    void aUrlFieldAccepts(String url) {
        assertThat(clean(Map.of("link", spec(FieldType.URL, false)), Map.of("link", " " + url + " "))).containsEntry("link", url);
        assertThat(problems).isEmpty();
    }

    @Test
    void listItemsAreCheckedOneByOneAndNamedByTheirIndex() {
        FieldSpec items = new FieldSpec(FieldType.LIST, null, null, true, null, null, null, null,
                Map.of("question", spec(FieldType.TEXT, true)));

        clean(Map.of("items", items), Map.of("items", List.of(Map.of("question", "Fine?"), Map.of(), "text", 7,
                Map.of("question", "Extra?", "colour", "red"))));

        assertThat(problems).extracting(ValidationProblem::field)
                .containsExactly("items[1].question", "items[2]", "items[3]", "items[4].colour");
        assertThat(problems.get(1).sentence()).isEqualTo("slot 'main', block 3 (faq), field 'items[2]': must be an object of named fields");
    }

    @Test
    void aRequiredRichTextThatIsNothingButScriptIsMissing() {
        Map<String, Object> cleaned = clean(Map.of("html", spec(FieldType.RICHTEXT, true)), Map.of("html", "<script>steal()</script><p> </p>"));

        assertThat(cleaned).isEmpty();
        assertThat(problems).extracting(ValidationProblem::message).containsExactly("this field is required");
    }

    @Test
    void aPageFieldMustNameAPageThatExists() {
        Map<String, FieldSpec> specs = Map.of("page", spec(FieldType.PAGE, false));

        assertThat(clean(specs, Map.of("page", 7))).containsEntry("page", 7L);
        clean(specs, Map.of("page", 8));
        assertThat(problems).extracting(ValidationProblem::message).containsExactly("refers to page 8, which does not exist");
        clean(specs, Map.of("page", "7"));
        assertThat(problems).extracting(ValidationProblem::message).containsExactly("must be a page id");
    }

    @Test
    void aChoiceFieldAcceptsOnlyItsChoices() {
        Map<String, FieldSpec> specs = Map.of("level", new FieldSpec(FieldType.CHOICE, null, null, false, null, null, null,
                List.of("h2", "h3"), null));

        assertThat(clean(specs, Map.of("level", "h3"))).containsEntry("level", "h3");
        for (Object wrong : List.of("h1", "H2", 2, true)) {
            clean(specs, Map.of("level", wrong));
            assertThat(problems).as(String.valueOf(wrong)).extracting(ValidationProblem::message).containsExactly("must be one of h2, h3");
        }
    }

    @Test
    void valuesOfEachTypeAreCheckedAndCleaned() {
        Map<String, FieldSpec> specs = new LinkedHashMap<>();
        specs.put("name", new FieldSpec(FieldType.TEXT, null, null, true, 5, null, null, null, null));
        specs.put("count", new FieldSpec(FieldType.INTEGER, null, null, false, null, 1, 10, null, null));
        specs.put("on", spec(FieldType.BOOLEAN, false));
        specs.put("day", spec(FieldType.DATE, false));

        Map<String, Object> cleaned = clean(specs, Map.of("name", " Ada ", "count", 10, "on", false, "day", "2030-01-31"));
        assertThat(problems).isEmpty();
        assertThat(cleaned).containsExactly(Map.entry("name", "Ada"), Map.entry("count", 10L), Map.entry("on", false),
                Map.entry("day", "2030-01-31"));

        clean(specs, Map.of("name", "Adalovelace", "count", 11, "on", "yes", "day", "2030-02-30", "colour", "red"));
        assertThat(problems).extracting(ValidationProblem::sentence).containsExactlyInAnyOrder(
                "slot 'main', block 3 (faq), field 'colour': is not a field here (known fields: name, count, on, day)",
                "slot 'main', block 3 (faq), field 'name': is 11 characters long; at most 5 are allowed",
                "slot 'main', block 3 (faq), field 'count': must be between 1 and 10",
                "slot 'main', block 3 (faq), field 'on': must be true or false",
                "slot 'main', block 3 (faq), field 'day': must be a date written YYYY-MM-DD, not '2030-02-30'");
    }

    @Test
    void aDecimalFieldTakesAnyFiniteNumberWithinItsBounds() {
        Map<String, FieldSpec> specs = Map.of("latitude", new FieldSpec(FieldType.DECIMAL, null, null, false, null, -90, 90, null, null));

        assertThat(clean(specs, Map.of("latitude", 51.5074))).containsEntry("latitude", 51.5074);
        assertThat(clean(specs, Map.of("latitude", -90))).containsEntry("latitude", -90.0);
        for (Object wrong : List.of(90.0001, -91, "51.5", true)) {
            clean(specs, Map.of("latitude", wrong));
            assertThat(problems).as(String.valueOf(wrong)).extracting(ValidationProblem::field).containsExactly("latitude");
        }
    }

    @Test
    void slugEmailAndPhoneFieldsTakeOnlyWhatTheirNamesSay() {
        Map<String, FieldSpec> specs = new LinkedHashMap<>();
        specs.put("anchor", spec(FieldType.SLUG, false));
        specs.put("email", spec(FieldType.EMAIL, false));
        specs.put("phone", spec(FieldType.PHONE, false));

        assertThat(clean(specs, Map.of("anchor", " opening-hours ", "email", " a.b+c@mail.example.org ", "phone", "+1 (555) 010-0000")))
                .containsExactly(Map.entry("anchor", "opening-hours"), Map.entry("email", "a.b+c@mail.example.org"),
                        Map.entry("phone", "+1 (555) 010-0000"));
        clean(specs, Map.of("anchor", "Opening_Hours", "email", "a@b", "phone", "+1 ext. 5"));
        assertThat(problems).extracting(ValidationProblem::field).containsExactly("anchor", "email", "phone");
        clean(specs, Map.of("anchor", "a-", "email", "<a@example.org>", "phone", "12"));
        assertThat(problems).extracting(ValidationProblem::field).containsExactly("anchor", "email", "phone");
    }

    @Test
    void textListsAndGridsHoldPlainTextsWithinTheirLimits() {
        Map<String, FieldSpec> specs = new LinkedHashMap<>();
        specs.put("header", new FieldSpec(FieldType.TEXT_LIST, null, null, false, 3, null, 2, null, null));
        specs.put("rows", new FieldSpec(FieldType.TEXT_GRID, null, null, false, 3, null, 2, null, null));

        assertThat(clean(specs, Map.of("header", List.of(" a ", ""), "rows", List.of(List.of("b", "c"), List.of())))).containsExactly(
                Map.entry("header", List.of("a", "")), Map.entry("rows", List.of(List.of("b", "c"), List.of())));
        clean(specs, Map.of("header", List.of("a", "b", "c"), "rows", List.of(List.of("x"), List.of("y"), List.of("z"))));
        assertThat(problems).extracting(ValidationProblem::message).containsExactly("has 3 items; at most 2 are allowed",
                "has 3 rows; at most 2 are allowed");
        clean(specs, Map.of("header", List.of("long"), "rows", List.of(List.of("ok", 1), Collections.nCopies(21, "x"))));
        assertThat(problems).extracting(ValidationProblem::field).containsExactly("header[0]", "rows[0][1]", "rows[1]");
    }

    @Test
    void aBlockWithoutFieldsTakesNone() {
        clean(Map.of(), Map.of("text", "x"));

        assertThat(problems).extracting(ValidationProblem::message).containsExactly("is not a field here (known fields: none)");
    }

    private Map<String, Object> clean(Map<String, FieldSpec> specs, Object input) {
        problems.clear();
        return validator.clean(specs, input, BLOCK, "", id -> id == 7, problems);
    }

    private static FieldSpec spec(FieldType type, boolean required) {
        return new FieldSpec(type, null, null, required, null, null, null, null, null);
    }
}
