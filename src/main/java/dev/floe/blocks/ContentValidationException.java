package dev.floe.blocks;

import java.util.List;

/** Submitted content broke its schema; nothing was stored. */
public class ContentValidationException extends RuntimeException {

    private final List<ValidationProblem> problems;

    public ContentValidationException(List<ValidationProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String summary(List<ValidationProblem> problems) {
        if (problems.size() == 1) {
            return "The content is not valid: " + problems.getFirst().sentence() + ".";
        }
        return "The content is not valid: " + problems.getFirst().sentence() + " (and " + (problems.size() - 1)
                + " more problem" + (problems.size() == 2 ? "" : "s") + ", see details).";
    }
}
