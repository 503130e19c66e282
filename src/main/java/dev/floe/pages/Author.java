package dev.floe.pages;

import java.util.Set;

/** Who is making a change, as recorded in revisions, and what they may put on a page. */
public record Author(String email, Set<String> permissions) {

    public static Author system(String what) {
        return new Author(what, Set.of());
    }
}
