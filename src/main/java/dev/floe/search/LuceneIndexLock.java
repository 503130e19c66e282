package dev.floe.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/** Whether another process (a running {@code floe serve}) has the embedded Lucene index open for writing. */
final class LuceneIndexLock {

    private LuceneIndexLock() {
    }

    static boolean isHeld(Path indexDirectory) {
        if (!Files.isDirectory(indexDirectory)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(indexDirectory); Lock lock = directory.obtainLock("write.lock")) {
            return false;
        } catch (LockObtainFailedException held) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
