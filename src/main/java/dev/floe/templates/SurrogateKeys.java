package dev.floe.templates;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a response shows, named by surrogate keys ({@code page:12}, {@code menu:main}, {@code shared:3}, {@code tree}),
 * recorded on the request's thread while it renders so that a cached copy can be purged when any of them changes.
 * Reading code records unconditionally; outside a {@link #start() recording} a key goes nowhere.
 */
public final class SurrogateKeys {

    /** Recorded by anything that lists or links other pages: changes whenever any page is published, unpublished or moved. */
    public static final String TREE = "tree";

    private static final ThreadLocal<Set<String>> CURRENT = new ThreadLocal<>();

    private SurrogateKeys() {
    }

    /** Notes that the response being rendered on this thread shows {@code key}. */
    public static void record(String key) {
        Set<String> keys = CURRENT.get();
        if (keys != null) {
            keys.add(key);
        }
    }

    /** Starts collecting the keys recorded on this thread until the recording is closed. */
    public static Recording start() {
        Set<String> keys = new LinkedHashSet<>();
        CURRENT.set(keys);
        return new Recording(keys);
    }

    /** The keys of one response; closing it stops recording on this thread. */
    public static final class Recording implements AutoCloseable {
        private final Set<String> keys;

        private Recording(Set<String> keys) {
            this.keys = keys;
        }

        public Set<String> keys() {
            return Set.copyOf(keys);
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
