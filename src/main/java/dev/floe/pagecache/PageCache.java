package dev.floe.pagecache;

import java.util.Collection;
import java.util.Optional;

/**
 * The rendered public responses, by host, path and query, purged by surrogate key: in this process
 * ({@link LocalPageCache}) or shared by every instance in Redis ({@link RedisPageCache}). A response rendered while a
 * purge happened is not kept, so a page read just before a publish committed cannot outlive it.
 */
interface PageCache {

    /** The key that purges everything; every response shows it. */
    String ALL = "*";

    /**
     * The response stored under {@code key}, with at least the body this client should get: brotli or gzip when
     * {@code acceptEncoding} accepts them and the response has them, else the plain body.
     */
    Optional<CachedResponse> get(String key, String acceptEncoding);

    /** The purge count before rendering starts, to hand back to {@link #put}. */
    long generation();

    void put(String key, CachedResponse response, long renderedAtGeneration);

    /** Drops every response that shows any of {@code keys}; throws when the store cannot be reached. */
    void purge(Collection<String> keys);

    /** Another instance purged {@code keys}: a cache of this process drops them, a shared one already did. */
    void purgedElsewhere(Collection<String> keys);

    /** Purges may have gone by unheard or unsent: drops everything; throws when the store cannot be reached. */
    void missedPurges();
}
