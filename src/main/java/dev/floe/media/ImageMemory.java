package dev.floe.media;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Keeps image work (renditions, and originals turned upright on upload) within a third of the heap: each piece takes
 * the memory it may need before it decodes anything, and waits while others hold it. Renditions are made by page
 * renders and by IIIF requests that anyone may send; an instance with Floe's heap (256 MB, deploy/image/java-options)
 * that decoded a big original whole, or several at once, ran out of memory and exited.
 */
@Component
class ImageMemory {

    private static final long MB = 1024 * 1024;
    /** Long enough for the renditions ahead in the queue, short enough that a request is not held past a proxy's patience. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private final int budgetMegabytes;
    private final Semaphore megabytes;

    ImageMemory() {
        this(Runtime.getRuntime().maxMemory());
    }

    ImageMemory(long maxHeapBytes) {
        this.budgetMegabytes = (int) Math.max(16, maxHeapBytes / 3 / MB);
        this.megabytes = new Semaphore(budgetMegabytes, true);
    }

    /**
     * What making a rendition may hold at once: the decoded region as Java 2D keeps it (at most 4 bytes a pixel), the
     * first halving step (1) and the output (4).
     */
    static long bytesToMake(long decodedPixels, long outputPixels) {
        return decodedPixels * 5 + outputPixels * 4;
    }

    /** Runs {@code work} once {@code bytes} of the budget are free (all of it, when it asks for more); 503 after {@link #WAIT}. */
    <T> T within(long bytes, Supplier<T> work) {
        int need = (int) Math.min(budgetMegabytes, Math.max(1, (bytes + MB - 1) / MB));
        try {
            if (!megabytes.tryAcquire(need, WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MediaRejectedException(503, "The server is busy making other images; try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaRejectedException(503, "The server is stopping.");
        }
        try {
            return work.get();
        } finally {
            megabytes.release(need);
        }
    }

    long budgetBytes() {
        return budgetMegabytes * MB;
    }
}
