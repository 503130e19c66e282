/**
 * Full-text search: {@link dev.floe.search.SiteSearch} (public and editors' search), {@link dev.floe.search.SearchIndexer}
 * ({@code floe reindex}), the {@code /search/} page, and Hibernate Search's configuration and mapping.
 *
 * <p>Indexing another entity (the media library's images and documents, for instance) takes three steps: map it in
 * {@code PageSearchMapping#configure} the way pages are (its own index, a {@code TypeBinder} writing {@code title},
 * {@code body} — an image's alt text and caption, a document's extracted text — and {@code type} with the same
 * analyzers); give {@code SiteSearch} a scope over both types ({@code session.search(List.of(Page.class, Image.class))})
 * with the {@code live} filter applied only to pages; and add its table to the changelog of the feature that owns it,
 * not here, since the outbox already carries updates of every indexed entity.
 */
package dev.floe.search;
