// The heap a renditions clean-up sweep needs to remember the store's listing, before and after session 16:
// a HashSet of the keys as strings, against the sorted long[] of 64-bit digests RenditionsCleanup.ListedKeys keeps.
// Run: java -Xmx2g -XX:+UseSerialGC bench/cleanup-keys-memory.java [KEYS]   (JDK 25; prints bytes per key)
import java.util.HashSet;
import java.util.Set;

class CleanupKeysMemory {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long before = used();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            // As IIIF outputs are named: renditions/IMAGE/HASH-iiif-REGION-SIZE-ROTATION.FORMAT
            keys.add("renditions/" + (i / 20) + "/" + Integer.toHexString(i * 31 + 7) + "ab01-iiif-0,0,300,200-150,-0.png");
        }
        long withStrings = used() - before;
        System.out.printf("HashSet<String> of %,d keys: %,d bytes (%.0f a key)%n", keys.size(), withStrings, withStrings / (double) n);
        keys = null;
        before = used();
        long[] digests = new long[n];
        long withDigests = used() - before;
        System.out.printf("long[] of %,d digests:     %,d bytes (%.0f a key)%n", digests.length, withDigests, withDigests / (double) n);
    }

    private static long used() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
