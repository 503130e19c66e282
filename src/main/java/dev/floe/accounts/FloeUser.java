package dev.floe.accounts;

import java.util.Set;

import dev.floe.pages.Author;

/** The signed-in user as the rest of Floe sees them. */
public record FloeUser(long id, String email, boolean superuser, Set<String> permissions) {

    /** Site-wide permissions; a superuser holds them all. */
    public static final Set<String> ALL_PERMISSIONS = Set.of("raw_html", "manage_users", "manage_redirects",
            "manage_menus", "manage_media");

    public Author asAuthor() {
        return new Author(email, permissions);
    }
}
