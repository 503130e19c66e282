package dev.floe.blocks;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a block type needs checked beyond its declared fields: a rule across fields, a look-up elsewhere, or content
 * fetched from another site. Any feature may declare one as a bean; it applies wherever blocks are saved.
 */
public interface BlockRule {

    /** The block type this rule applies to. */
    String blockType();

    /**
     * Keys of the stored value that the rule computes itself. They are taken out of what was sent before the
     * declared fields are checked, and {@link #apply} decides what, if anything, to keep of them.
     */
    default Set<String> computedKeys() {
        return Set.of();
    }

    /**
     * Returns the value to store, given the value whose declared fields passed their checks and the value as sent
     * ({@code sent}, computed keys included). Problems go to {@code report}; the returned value is then ignored.
     */
    Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report);

    /** Checks all blocks of this type in one piece of content together, such as anchors that must differ. */
    default void applyTogether(List<Placed> blocks, List<ValidationProblem> problems) {
    }

    /** A block of this rule's type and where it sits. */
    record Placed(String slot, int index, Map<String, Object> value) {

        public ValidationProblem problem(String blockType, String field, String message) {
            return new ValidationProblem(slot, index, blockType, field, message);
        }
    }

    /** Collects a rule's problems with the place of the block they are about. */
    final class Report {

        private final FieldValidator.Place place;
        private final List<ValidationProblem> problems;
        private boolean failed;

        Report(FieldValidator.Place place, List<ValidationProblem> problems) {
            this.place = place;
            this.problems = problems;
        }

        /** A problem with one field of the block, or with the block as a whole when {@code field} is null. */
        public void problem(String field, String message) {
            problems.add(new ValidationProblem(place.slot(), place.block(), place.blockType(), field, message));
            failed = true;
        }

        public boolean failed() {
            return failed;
        }
    }
}
