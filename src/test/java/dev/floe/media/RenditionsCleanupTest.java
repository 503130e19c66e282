package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.support.Race;

/** The scheduled clean-up of renditions: what it removes, what it leaves, and that racing instances remove each once. */
class RenditionsCleanupTest extends MediaTestCase {

    @Autowired
    Renditions renditions;

    @Autowired
    RenditionsCleanup cleanup;

    @Test
    void aSweepRemovesStaleRenditionsAndThoseWithoutFilesOnceEvenWhenInstancesRace() throws Exception {
        long kept = uploadImage("kept.png", Samples.png(300, 200));
        String keptKey = rendition(kept);
        long replaced = uploadImage("replaced.png", Samples.png(300, 200));
        String staleKey = rendition(replaced);
        // As if the image's file was replaced while this rendition was being made from the old one.
        jdbc.update("update media_image set file_version = file_version + 1 where id = ?", replaced);
        long restored = uploadImage("restored.png", Samples.png(300, 200));
        String missingKey = rendition(restored);
        store.delete(MediaStore.Area.PUBLIC, missingKey);
        // A file no row of this database names: on a shared bucket it may be another database's.
        String unrecordedKey = "renditions/" + kept + "/0ther000-fill-100x100.png";
        putFile(unrecordedKey);
        Instant madeBefore = Instant.now().plusSeconds(1);

        List<RenditionsCleanup.Swept> sweeps = Race.run(() -> cleanup.cleanUp(madeBefore), 3);

        List<String> staleRows = new ArrayList<>();
        List<String> rowsWithoutFiles = new ArrayList<>();
        for (RenditionsCleanup.Swept swept : sweeps) {
            staleRows.addAll(swept.staleRows());
            rowsWithoutFiles.addAll(swept.rowsWithoutFiles());
        }
        assertThat(staleRows).as("each row removed by one of the racing sweeps").doesNotHaveDuplicates().containsOnlyOnce(staleKey);
        assertThat(rowsWithoutFiles).doesNotHaveDuplicates().containsOnlyOnce(missingKey).doesNotContain(keptKey);
        assertThat(store.exists(MediaStore.Area.PUBLIC, staleKey)).isFalse();
        assertThat(store.exists(MediaStore.Area.PUBLIC, keptKey)).isTrue();
        assertThat(store.exists(MediaStore.Area.PUBLIC, unrecordedKey)).as("left for whichever database it is").isTrue();
        store.delete(MediaStore.Area.PUBLIC, unrecordedKey);
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
    void rowsYoungerThanTheGracePeriodAreLeftAlone() {
        long image = uploadImage("young.png", Samples.png(300, 200));
        String youngKey = rendition(image);
        store.delete(MediaStore.Area.PUBLIC, youngKey);

        RenditionsCleanup.Swept swept = cleanup.cleanUp(Instant.now().minus(RenditionsCleanup.GRACE));

        assertThat(swept.rowsWithoutFiles()).doesNotContain(youngKey);
        assertThat(renditionRows(image)).isEqualTo(1);
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
}
