package dev.floe.pagecache;

import java.util.Collection;

/** Carries purges to every instance's page cache: this one's alone, or the shared one and all instances through Redis. */
interface PurgeBus {

    /** Purges {@code keys} here and on every other instance. */
    void purge(Collection<String> keys);

    /** Whether purges from other instances reach this one now; while they may not, the cache must not answer. */
    boolean connected();

    /** The page cache this bus keeps in step: the instance's own, or the one shared in Redis. */
    PageCache cache();

    /** The bus of a single instance: purges are local and always arrive. */
    record Local(LocalPageCache cache) implements PurgeBus {
        @Override
        public void purge(Collection<String> keys) {
            cache.purge(keys);
        }

        @Override
        public boolean connected() {
            return true;
        }
    }
}
