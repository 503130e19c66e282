package dev.floe.blocks;

/** Looks up the items a reference field type ({@code image}, {@code document}) points at; the feature that owns them declares one. */
public interface FieldReference {

    FieldType fieldType();

    boolean exists(long id);
}
