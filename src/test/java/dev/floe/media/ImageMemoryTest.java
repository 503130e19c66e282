package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** What a rendition of a big original may hold, and how renditions share the heap. */
class ImageMemoryTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aFortyMegapixelOriginalIsDecodedSubsampledToTheCapWhateverTheSizeAskedFor() {
        Rectangle whole = new Rectangle(0, 0, 7_700, 5_190);

        assertThat(ImageOps.decodedPixels(whole, 3_444, 2_321)).as("IIIF's max").isLessThanOrEqualTo(ImageOps.MAX_DECODED_PIXELS)
                .isGreaterThan(3_444L * 2_321);
        assertThat(ImageOps.decodedPixels(whole, 800, 539)).as("a small size decodes at twice its size or more, as before")
                .isLessThanOrEqualTo(ImageOps.MAX_DECODED_PIXELS).isGreaterThanOrEqualTo(1_600L * 1_078);
        assertThat(ImageOps.decodedPixels(new Rectangle(0, 0, 2_000, 1_500), 2_000, 1_500)).as("a small original, whole")
                .isEqualTo(2_000L * 1_500);
    }

    @Test
    void aTemplateSizeBeyondTheLargestRenditionIsScaledDownInItsShape() {
        RenditionSpec.Plan fill = RenditionSpec.parse("fill-6000x6000").plan(7_700, 6_500, null);
        RenditionSpec.Plan width = RenditionSpec.parse("width-5000").plan(7_700, 5_190, null);
        RenditionSpec.Plan small = RenditionSpec.parse("width-1200").plan(7_700, 5_190, null);

        assertThat((long) fill.width() * fill.height()).isLessThanOrEqualTo(ImageOps.MAX_OUTPUT_PIXELS);
        assertThat(fill.width()).isEqualTo(fill.height());
        assertThat((long) width.width() * width.height()).isLessThanOrEqualTo(ImageOps.MAX_OUTPUT_PIXELS);
        assertThat((double) width.width() / width.height()).isCloseTo(7_700.0 / 5_190, org.assertj.core.data.Offset.offset(0.01));
        assertThat(small.width()).as("within the largest: as asked").isEqualTo(1_200);
    }

    @Test
    void renditionsWaitForTheirShareOfTheHeapAndOneAskingMoreThanAllRunsAlone() throws Exception {
        ImageMemory memory = new ImageMemory(300 * MB); // a budget of 100 MB
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService together = Executors.newFixedThreadPool(4)) {
            Future<?>[] work = new Future<?>[4];
            for (int i = 0; i < 4; i++) {
                long bytes = i == 3 ? 500 * MB : 40 * MB;
                work[i] = together.submit(() -> {
                    go.await();
                    return memory.within(bytes, () -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep();
                        running.decrementAndGet();
                        return null;
                    });
                });
            }
            go.countDown();
            for (Future<?> each : work) {
                each.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(mostAtOnce.get()).as("40 MB each in 100 MB: two at once, never three").isEqualTo(2);
        assertThat(memory.within(100 * MB, () -> "all of it")).as("all of it is free again").isEqualTo("all of it");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
