package dev.floe.admin;

import java.util.Set;

import dev.floe.accounts.AccountException;
import dev.floe.accounts.Accounts;

/**
 * Test users, one per built-in group, plus a superuser and a user in no group. {@link #ensure(Accounts)} makes the
 * user in the current database the first time and is harmless afterwards.
 */
public enum AdminRole {
    EDITOR("Editors"),
    MODERATOR("Moderators"),
    ADMINISTRATOR("Administrators"),
    SUPERUSER(null),
    NO_GROUP(null);

    public static final String PASSWORD = "a long test password";

    private final String group;

    AdminRole(String group) {
        this.group = group;
    }

    public String email() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "@admin.test";
    }

    public String password() {
        return PASSWORD;
    }

    /** Creates the user if this database has none yet; returns the email. */
    public String ensure(Accounts accounts) {
        try {
            accounts.createUser(email(), name(), PASSWORD, this == SUPERUSER, group == null ? Set.of() : Set.of(group));
        } catch (AccountException e) {
            if (!e.getMessage().startsWith("There is already a user")) {
                throw e;
            }
        }
        return email();
    }
}
