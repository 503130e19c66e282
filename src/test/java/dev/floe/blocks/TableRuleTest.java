package dev.floe.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TableRuleTest {

    private final List<ValidationProblem> problems = new ArrayList<>();
    private final BlockRule.Report report = new BlockRule.Report(new FieldValidator.Place("main", 0, "table"), problems);

    @Test
    void rowsOfUnequalLengthAreReportedWithTheRowNumber() {
        new TableRule().apply(Map.of("header", List.of("a", "b"), "rows", List.of(List.of("1", "2"), List.of("3"))),
                Map.of(), report);
        assertThat(report.failed()).isTrue();
        assertThat(problems).singleElement().asString().contains("rows[1]");
    }

    @Test
    void aSiteTableOfAnotherShapeIsLeftToItsOwnFieldsInsteadOfFailing() {
        // a site's own `table` block: rows as objects, header as text; this used to end in a ClassCastException (500)
        Map<String, Object> value = Map.of("header", "Prices", "rows", List.of(Map.of("item", "tea", "price", "2")));
        assertThat(new TableRule().apply(value, Map.of(), report)).isEqualTo(value);
        assertThat(report.failed()).isFalse();
        assertThat(problems).isEmpty();
    }
}
