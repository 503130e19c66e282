package dev.floe.navigation;

import java.util.List;

/** A menu as sent cannot be stored; {@code problems} say where, one sentence each. */
public class MenuException extends RuntimeException {

    private final List<String> problems;

    public MenuException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
