package dev.floe.templates;

import java.util.Set;

/**
 * Another instance changed what the surrogate {@code keys} name; announced on this instance so that its in-process
 * caches of rendered parts (menus, ...) forget them too.
 */
public record ChangedElsewhere(Set<String> keys) {
}
