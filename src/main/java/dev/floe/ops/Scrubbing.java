package dev.floe.ops;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code floe backup --scrub} leaves out or masks so that a copy of production can go to staging: API tokens
 * are left out; users keep their id and role but get the address {@code user-ID@example.invalid}, no name and no
 * password; and any other column holding an email address outright (authors, who saved a draft) gets the same mask,
 * so that a staging copy still shows who did what without saying who that is. A feature that stores more personal
 * data adds its rule here.
 */
final class Scrubbing {

    private static final Set<String> LEFT_OUT = Set.of("api_token", "login_failure", "password_reset");
    private static final String USERS = "floe_user";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Map<String, String> masks = new HashMap<>();
    private int strangers;

    /** {@code users} maps each user's email address to their id, so their address is masked the same everywhere. */
    Scrubbing(Map<String, Long> users) {
        users.forEach((email, id) -> masks.put(email.toLowerCase(Locale.ROOT), "user-" + id + "@example.invalid"));
    }

    static String usersTable() {
        return USERS;
    }

    boolean leavesOut(String table) {
        return LEFT_OUT.contains(table);
    }

    /** Masks one row in place. */
    void scrub(String table, ObjectNode row) {
        if (table.equals(USERS)) {
            row.put("email", "user-" + row.path("id").asLong() + "@example.invalid");
            row.set("name", JsonNodeFactory.instance.nullNode());
            row.set("password_hash", JsonNodeFactory.instance.nullNode());
            return;
        }
        for (var field : row.properties()) {
            JsonNode value = field.getValue();
            if (value.isString() && value.asString().length() <= 320 && EMAIL.matcher(value.asString()).matches()) {
                field.setValue(JsonNodeFactory.instance.stringNode(mask(value.asString())));
            }
        }
    }

    private String mask(String email) {
        return masks.computeIfAbsent(email.toLowerCase(Locale.ROOT), unknown -> "someone-" + (++strangers) + "@example.invalid");
    }
}
