package dev.floe.redirects;

import java.util.List;

/** A redirect (or a file of them) that cannot be stored; {@code problems} locate each fault. */
public class RedirectException extends RuntimeException {

    private final List<String> problems;

    public RedirectException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
