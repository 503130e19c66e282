package dev.floe.search;

import java.util.List;

/**
 * An entity besides pages that the site's search finds (the media library's images and documents): a bean of this
 * type maps its class into its own index, with the fields pages use, so one query ranks and counts them together.
 * Changes to the {@link #dependencies()} reach the index through the outbox like a page's.
 */
public interface SearchableEntity<T> {

    Class<T> entityClass();

    /** The value of the type filter, such as {@code document}; also the last part of the index's name. */
    String type();

    /** The type's name in the filter, such as "Documents". */
    String label();

    /** The entity's persistent properties that {@link #entry} reads: changing one of them re-indexes the entity. */
    List<String> dependencies();

    /** What the index holds for the entity. */
    Entry entry(T entity);

    /**
     * The indexed text and link of one entity. Only a {@code visible} entry appears in public results (a private
     * document is not); {@code url} is where a hit leads.
     */
    record Entry(long id, String title, String body, String url, boolean visible) {
    }
}
