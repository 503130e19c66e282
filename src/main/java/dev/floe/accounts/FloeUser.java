package dev.floe.accounts;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import dev.floe.pages.Author;

/**
 * The signed-in user as the rest of Floe sees them; {@code permissions} are the codes of their site-wide
 * permissions ({@link SitePermission#code()}). Ask {@link Permissions} rather than reading them directly.
 */
public record FloeUser(long id, String email, boolean superuser, Set<String> permissions) implements Serializable {

    /** Site-wide permissions; a superuser holds them all. */
    public static final Set<String> ALL_PERMISSIONS = Arrays.stream(SitePermission.values())
            .map(SitePermission::code).collect(Collectors.toUnmodifiableSet());

    public FloeUser {
        permissions = Set.copyOf(permissions);
    }

    public Author asAuthor() {
        return new Author(email, permissions);
    }
}
