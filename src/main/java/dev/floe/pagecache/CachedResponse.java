package dev.floe.pagecache;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A public response as it was rendered once: status 200, its headers, the body plain and precompressed, and the
 * surrogate keys naming what it shows.
 */
record CachedResponse(String contentType, String etag, Map<String, List<String>> headers, byte[] identity,
        byte[] gzip, byte[] brotli, Set<String> keys) {

    int weight() {
        return identity.length + (gzip == null ? 0 : gzip.length) + (brotli == null ? 0 : brotli.length) + 512;
    }

    boolean shows(String key) {
        return keys.contains(key);
    }
}
