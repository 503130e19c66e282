package dev.floe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Which process (and which application context in it) writes the embedded Lucene index: Lucene lets only one, so
 * the first instance to start over a var folder takes a lock file and processes the outbox; any other (a command run
 * beside {@code floe serve}, a second context in a test JVM) leaves index updates in the outbox for it.
 */
final class EmbeddedIndexOwnership implements AutoCloseable {

    private static final String LOCK_FILE = "floe-index-owner.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private EmbeddedIndexOwnership(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes ownership of the index under {@code root}, or empty when another process or context has it. */
    static Optional<EmbeddedIndexOwnership> tryAcquire(Path root) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return Optional.of(new EmbeddedIndexOwnership(channel, lock));
                }
            } catch (OverlappingFileLockException heldInThisJvm) {
                // another application context of this JVM owns it
            }
            channel.close();
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index folder " + root + " (FLOE_VAR_DIR): " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
