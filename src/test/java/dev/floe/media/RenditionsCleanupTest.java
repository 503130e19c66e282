package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
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

        List<RenditionsCleanup.Swept> sweeps = Race.run(() -> cleanup.cleanUp(madeBefore, Instant.EPOCH), 3);

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
        assertThat(cleanup.cleanUp(madeBefore, Instant.EPOCH).total()).as("a second sweep finds nothing of these").isZero();
    }

    @Test
    void rowsYoungerThanTheGracePeriodAreLeftAlone() {
        long image = uploadImage("young.png", Samples.png(300, 200));
        String youngKey = rendition(image);
        store.delete(MediaStore.Area.PUBLIC, youngKey);

        RenditionsCleanup.Swept swept = cleanup.cleanUp(Instant.now().minus(RenditionsCleanup.GRACE), Instant.EPOCH);

        assertThat(swept.rowsWithoutFiles()).doesNotContain(youngKey);
        assertThat(renditionRows(image)).isEqualTo(1);
    }

    @Test
    void iiifOutputsNoOneAskedForInNinetyDaysGoWithTheirFilesWhileTemplateRenditionsStay() throws Exception {
        long image = uploadImage("tiles.png", Samples.png(600, 400));
        String templateKey = rendition(image);
        String unusedKey = iiif(image, "/0,0,300,200/150,/0/default.png");
        String servedKey = iiif(image, "/full/200,/0/default.png");
        // As if all three were made 100 days ago by the previous release, which recorded no use.
        Instant longAgo = Instant.now().minus(Duration.ofDays(100));
        jdbc.update("update media_rendition set created_at = ?, last_used_at = null where image_id = ?",
                Timestamp.from(longAgo), image);

        assertThat(fetch("/iiif/3/" + image + "/full/200,/0/default.png").statusCode()).isEqualTo(200);
        Instant touched = lastUsed(servedKey);
        assertThat(touched).as("served again: its use recorded").isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(fetch("/iiif/3/" + image + "/full/200,/0/default.png").statusCode()).isEqualTo(200);
        assertThat(lastUsed(servedKey)).as("one write a day, not one a request").isEqualTo(touched);

        Instant keepSince = Instant.now().minus(Duration.ofDays(90));
        List<RenditionsCleanup.Swept> sweeps = Race.run(() -> cleanup.cleanUp(Instant.now().minus(RenditionsCleanup.GRACE), keepSince), 3);

        List<String> unused = new ArrayList<>();
        sweeps.forEach(swept -> unused.addAll(swept.unusedIiif()));
        assertThat(unused).as("removed once, by one of the racing sweeps").containsExactly(unusedKey);
        assertThat(store.exists(MediaStore.Area.PUBLIC, unusedKey)).isFalse();
        assertThat(store.exists(MediaStore.Area.PUBLIC, servedKey)).isTrue();
        assertThat(store.exists(MediaStore.Area.PUBLIC, templateKey)).as("a page may link it without asking Floe").isTrue();
        assertThat(renditionRows(image)).isEqualTo(2);

        // Asked for again, the dropped output is made again.
        assertThat(fetch("/iiif/3/" + image + "/0,0,300,200/150,/0/default.png").statusCode()).isEqualTo(200);
        assertThat(renditionRows(image)).isEqualTo(3);
        assertThat(cleanup.cleanUp(Instant.now().minus(RenditionsCleanup.GRACE), keepSince).unusedIiif()).isEmpty();
    }

    @Test
    void aSweepReadsTheRowsInBatchesAndMissesNoneBetweenThem() {
        long image = uploadImage("many.png", Samples.png(300, 200));
        String keptKey = rendition(image);
        int version = jdbc.queryForObject("select file_version from media_image where id = ?", Integer.class, image);
        // More rows than two batches, every one an IIIF output of a year ago whose file is gone (a restored database).
        Timestamp yearAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(365)));
        int rows = 2 * RenditionsCleanup.BATCH + 7;
        List<String> goneKeys = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String key = "renditions/" + image + "/gone" + i + "-iiif.png";
            goneKeys.add(key);
            jdbc.update("insert into media_rendition (image_id, spec, format, source_version, file_key, width, height, file_size, created_at)"
                    + " values (?, ?, 'png', ?, ?, 10, 10, 100, ?)", image, "iiif/gone/" + i, version, key, yearAgo);
        }

        RenditionsCleanup.Swept swept = cleanup.cleanUp(Instant.now().minus(RenditionsCleanup.GRACE), Instant.EPOCH);

        assertThat(swept.rowsWithoutFiles()).containsExactlyInAnyOrderElementsOf(goneKeys);
        assertThat(renditionRows(image)).isEqualTo(1);
        assertThat(store.exists(MediaStore.Area.PUBLIC, keptKey)).isTrue();
    }

    @Test
    void listedKeysAreFoundByTheirDigestsAndOthersAreNot() {
        RenditionsCleanup.ListedKeys listed = new RenditionsCleanup.ListedKeys();
        for (int i = 0; i < 5_000; i++) {
            listed.add("renditions/" + i + "/abcdef01-fill-100x100.webp");
        }
        listed.seal();

        for (int i = 0; i < 5_000; i++) {
            assertThat(listed.contains("renditions/" + i + "/abcdef01-fill-100x100.webp")).isTrue();
            assertThat(listed.contains("renditions/" + i + "/abcdef01-fill-100x100.png")).isFalse();
        }
    }

    /** Requests an IIIF output of the image and returns its stored file's key. */
    private String iiif(long imageId, String request) {
        assertThat(fetch("/iiif/3/" + imageId + request).statusCode()).isEqualTo(200);
        return jdbc.queryForObject("select file_key from media_rendition where image_id = ? and spec like 'iiif/%' "
                + "order by id desc limit 1", String.class, imageId);
    }

    private Instant lastUsed(String fileKey) {
        return jdbc.queryForObject("select last_used_at from media_rendition where file_key = ?", Timestamp.class, fileKey).toInstant();
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
