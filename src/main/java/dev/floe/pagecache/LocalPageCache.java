package dev.floe.pagecache;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The page cache of a single instance: in this process, bounded by bytes. Also the short-lived copies an instance
 * keeps of what it read from the cache in Redis ({@link RedisPageCache}).
 */
class LocalPageCache implements PageCache {

    private final Cache<String, CachedResponse> responses;
    private final AtomicLong purges = new AtomicLong();

    LocalPageCache(long maxBytes) {
        this(maxBytes, null);
    }

    /** A cache whose responses are also dropped {@code lifetime} after they were stored, when not null. */
    LocalPageCache(long maxBytes, Duration lifetime) {
        Caffeine<String, CachedResponse> builder = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedResponse response) -> response.weight());
        this.responses = (lifetime == null ? builder : builder.expireAfterWrite(lifetime)).build();
    }

    @Override
    public Optional<CachedResponse> get(String key, String acceptEncoding) {
        return Optional.ofNullable(responses.getIfPresent(key));
    }

    @Override
    public long generation() {
        return purges.get();
    }

    @Override
    public void put(String key, CachedResponse response, long renderedAtGeneration) {
        responses.put(key, response);
        // A purge during the render may have run before the put: undo it rather than keep what the purge meant to drop.
        if (purges.get() != renderedAtGeneration) {
            responses.asMap().remove(key, response);
        }
    }

    @Override
    public void purge(Collection<String> keys) {
        purges.incrementAndGet();
        if (keys.contains(ALL)) {
            responses.invalidateAll();
            return;
        }
        responses.asMap().values().removeIf(response -> keys.stream().anyMatch(response::shows));
    }

    @Override
    public void purgedElsewhere(Collection<String> keys) {
        purge(keys);
    }

    @Override
    public void missedPurges() {
        purge(List.of(ALL));
    }
}
