package dev.floe.pagecache;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The rendered public responses of this instance, by host, path and query, purged by surrogate key. A response
 * rendered while a purge happened is not kept, so a page read just before a publish committed cannot outlive it.
 */
class PageCache {

    /** The key that purges everything. */
    static final String ALL = "*";

    private final Cache<String, CachedResponse> responses;
    private final AtomicLong purges = new AtomicLong();

    PageCache(long maxBytes) {
        this.responses = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedResponse response) -> response.weight())
                .build();
    }

    Optional<CachedResponse> get(String key) {
        return Optional.ofNullable(responses.getIfPresent(key));
    }

    /** The purge count before rendering starts, to hand back to {@link #put}. */
    long generation() {
        return purges.get();
    }

    void put(String key, CachedResponse response, long renderedAtGeneration) {
        responses.put(key, response);
        // A purge during the render may have run before the put: undo it rather than keep what the purge meant to drop.
        if (purges.get() != renderedAtGeneration) {
            responses.asMap().remove(key, response);
        }
    }

    /** Drops every response that shows any of {@code keys}; returns how many. */
    int purge(Collection<String> keys) {
        if (keys.contains(ALL)) {
            purgeAll();
            return -1;
        }
        purges.incrementAndGet();
        int[] removed = {0};
        responses.asMap().values().removeIf(response -> {
            for (String key : keys) {
                if (response.shows(key)) {
                    removed[0]++;
                    return true;
                }
            }
            return false;
        });
        return removed[0];
    }

    void purgeAll() {
        purges.incrementAndGet();
        responses.invalidateAll();
    }

    long size() {
        return responses.estimatedSize();
    }
}
