package dev.floe.pages;

/**
 * The parts of a page an editor sends: any may be null, meaning "unchanged" (or, on create, "none").
 * {@code fields} and {@code slots} are raw JSON values, checked against the page type before anything is stored.
 */
public record DraftInput(String title, String slug, String layout, Object fields, Object slots) {
}
