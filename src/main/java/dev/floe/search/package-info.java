/**
 * Full-text search: {@link dev.floe.search.SiteSearch} (public and editors' search), {@link dev.floe.search.SearchIndexer}
 * ({@code floe reindex}), the {@code /search/} page, and Hibernate Search's configuration and mapping.
 *
 * <p>Other entities join the search as beans of {@link dev.floe.search.SearchableEntity} in the feature that owns
 * them (the media library's images and documents do): {@code SearchMapping} gives each an index of its own with the
 * pages' fields, {@code SiteSearch} queries all indexes at once and counts each type in the filter, and
 * {@code floe reindex} rebuilds them all. The outbox already carries updates of every indexed entity.
 */
package dev.floe.search;
