package dev.floe.pages;

import java.util.List;
import java.util.Map;

import dev.floe.blocks.FieldSpec;

/**
 * A kind of page: its fields, the layouts it may use (the first is the default), its slots with the block types each
 * accepts, and where it may sit in the tree ({@code parentTypes}, {@code childTypes}; empty means anywhere).
 */
public record PageType(
        String name,
        String label,
        String description,
        Behaviour behaviour,
        int perPage,
        List<String> layouts,
        List<String> parentTypes,
        List<String> childTypes,
        Map<String, FieldSpec> fields,
        Map<String, List<String>> slots) {

    /** What the public site does with a page of this type beyond rendering its layout. */
    public enum Behaviour { STANDARD, LISTING, REDIRECT }

    public String defaultLayout() {
        return layouts.getFirst();
    }

    public boolean mayHaveChild(String childType) {
        return childTypes.isEmpty() || childTypes.contains(childType);
    }

    public boolean mayLiveUnder(String parentType) {
        return parentTypes.isEmpty() || parentTypes.contains(parentType);
    }
}
