package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scheduled clean-up of renditions: what it removes, what it leaves, and that racing instances remove each once. */
class RenditionsCleanupTest extends MediaTestCase {

    @Autowired
    Renditions renditions;

    @Autowired
    RenditionsCleanup cleanup;

    @Test
    void aSweepRemovesStaleRenditionsMissingFilesAndUnrecordedFilesOnceEvenWhenInstancesRace() throws Exception {
        long kept = uploadImage("kept.png", Samples.png(300, 200));
        String keptKey = rendition(kept);
        long replaced = uploadImage("replaced.png", Samples.png(300, 200));
        String staleKey = rendition(replaced);
        // As if the image's file was replaced while this rendition was being made from the old one.
        jdbc.update("update media_image set file_version = file_version + 1 where id = ?", replaced);
        long restored = uploadImage("restored.png", Samples.png(300, 200));
        String missingKey = rendition(restored);
        store.delete(MediaStore.Area.PUBLIC, missingKey);
        String orphanKey = "renditions/" + kept + "/0rphan00-fill-100x100.png";
        putFile(orphanKey);
        // S3 stores modification times to the second.
        Thread.sleep(1100);
        Instant madeBefore = Instant.now();

        List<RenditionsCleanup.Swept> sweeps = race(() -> cleanup.cleanUp(madeBefore), 3);

        List<String> staleRows = new ArrayList<>();
        List<String> rowsWithoutFiles = new ArrayList<>();
        List<String> filesWithoutRows = new ArrayList<>();
        for (RenditionsCleanup.Swept swept : sweeps) {
            staleRows.addAll(swept.staleRows());
            rowsWithoutFiles.addAll(swept.rowsWithoutFiles());
            filesWithoutRows.addAll(swept.filesWithoutRows());
        }
        assertThat(staleRows).as("each row removed by one of the racing sweeps").doesNotHaveDuplicates().containsOnlyOnce(staleKey);
        assertThat(rowsWithoutFiles).doesNotHaveDuplicates().containsOnlyOnce(missingKey);
        assertThat(filesWithoutRows).contains(orphanKey).doesNotContain(keptKey, staleKey);
        assertThat(store.exists(MediaStore.Area.PUBLIC, staleKey)).isFalse();
        assertThat(store.exists(MediaStore.Area.PUBLIC, orphanKey)).isFalse();
        assertThat(store.exists(MediaStore.Area.PUBLIC, keptKey)).isTrue();
        assertThat(renditionRows(kept)).isEqualTo(1);
        assertThat(renditionRows(replaced)).isZero();
        assertThat(renditionRows(restored)).isZero();

        // What was dropped is made again when next asked for, and what was kept is served as before.
        String remade = rendition(restored);
        assertThat(remade).isNotEqualTo(missingKey);
        assertThat(store.exists(MediaStore.Area.PUBLIC, remade)).isTrue();
        assertThat(rendition(kept)).isEqualTo(keptKey);
        assertThat(cleanup.cleanUp(madeBefore).total()).as("a second sweep finds nothing of these").isZero();
    }

    @Test
    void filesAndRowsYoungerThanTheGracePeriodAreLeftAlone() {
        long image = uploadImage("young.png", Samples.png(300, 200));
        String youngKey = rendition(image);
        store.delete(MediaStore.Area.PUBLIC, youngKey);
        String unrecorded = "renditions/" + image + "/y0ung000-fill-100x100.png";
        putFile(unrecorded);

        RenditionsCleanup.Swept swept = cleanup.cleanUp(Instant.now().minus(RenditionsCleanup.GRACE));

        assertThat(swept.rowsWithoutFiles()).doesNotContain(youngKey);
        assertThat(swept.filesWithoutRows()).doesNotContain(unrecorded);
        assertThat(renditionRows(image)).isEqualTo(1);
        assertThat(store.exists(MediaStore.Area.PUBLIC, unrecorded)).isTrue();
        store.delete(MediaStore.Area.PUBLIC, unrecorded);
    }

    private String rendition(long imageId) {
        renditions.rendition(imageId, renditions.spec("fill-100x100")).orElseThrow();
        return jdbc.queryForObject("select file_key from media_rendition where image_id = ? and spec = 'fill-100x100'",
                String.class, imageId);
    }

    private void putFile(String key) {
        try {
            Path file = Files.createTempFile("orphan-", ".png");
            Files.write(file, Samples.png(10, 10));
            store.put(MediaStore.Area.PUBLIC, key, file, "image/png");
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> List<T> race(Callable<T> task, int racers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> run : pool.invokeAll(java.util.Collections.nCopies(racers, task))) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
