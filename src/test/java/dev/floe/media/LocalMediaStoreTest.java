package dev.floe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.floe.support.Race;

class LocalMediaStoreTest {

    /**
     * A delete removes the folders its file leaves empty, while requests and instances store other renditions of the
     * same image in the same folder: neither may fail for the other's sake.
     */
    @Test
    void storingAndDeletingInOneFolderAtOnceNeverFailsAndLeavesNoEmptyFolder(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("media"));
        LocalMediaStore store = new LocalMediaStore(root);
        Path source = Files.writeString(dir.resolve("source.jpg"), "not really a JPEG");
        AtomicInteger racer = new AtomicInteger();

        List<Integer> stored = Race.run(() -> {
            int me = racer.incrementAndGet();
            int count = 0;
            for (int i = 0; i < 300; i++) {
                String key = "renditions/7/fill-" + me + "-" + i + ".jpg";
                store.put(MediaStore.Area.PUBLIC, key, source, "image/jpeg");
                assertThat(store.exists(MediaStore.Area.PUBLIC, key)).isTrue();
                store.delete(MediaStore.Area.PUBLIC, key);
                count++;
            }
            return count;
        }, 4);

        assertThat(stored).containsOnly(300);
        assertThat(root.resolve("public/renditions/7")).doesNotExist();
        assertThat(store.keys(MediaStore.Area.PUBLIC, "renditions/")).isEmpty();
    }
}
