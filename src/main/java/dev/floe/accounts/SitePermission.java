package dev.floe.accounts;

import java.util.Arrays;
import java.util.Optional;

/** A site-wide permission, held through a group; a superuser holds them all. */
public enum SitePermission {
    MANAGE_USERS("manage_users", "Manage users, groups and their permissions"),
    REDIRECTS("manage_redirects", "Edit redirects"),
    MENUS("manage_menus", "Edit menus"),
    MEDIA("manage_media", "Manage media"),
    RAW_HTML("raw_html", "Use raw HTML blocks"),
    SHARED_CONTENT("manage_shared_content", "Edit shared content"),
    SETTINGS("manage_settings", "Edit site settings and response pages");

    private final String code;
    private final String description;

    SitePermission(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The name stored in the database and carried in {@link FloeUser#permissions()}, e.g. {@code manage_users}. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public static Optional<SitePermission> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
