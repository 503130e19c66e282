package dev.floe.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Media in a folder ({@code FLOE_VAR_DIR/media}): {@code public/} and {@code private/} side by side. */
class LocalMediaStore implements MediaStore {

    private final Path root;

    LocalMediaStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(Area area, String key, Path file, String contentType) {
        Path target = path(area, key);
        try {
            Path temp = temporaryFileIn(target.getParent());
            try {
                // Into the open file, not Files.copy(file, temp, REPLACE_EXISTING): that deletes the temporary file
                // first, leaving the folder empty for a moment, and a delete may then remove it.
                try (OutputStream out = Files.newOutputStream(temp)) {
                    Files.copy(file, out);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * A delete in the same folder may remove it, found empty, between its creation here and the temporary file's:
     * then it is made again. Once the temporary file is in it, a delete leaves it alone.
     */
    private static Path temporaryFileIn(Path folder) throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                Files.createDirectories(folder);
                return Files.createTempFile(folder, ".upload-", ".tmp");
            } catch (NoSuchFileException | FileAlreadyExistsException e) {
                // FileAlreadyExistsException: made by another put, then removed before it could be checked.
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Stored> open(Area area, String key) {
        Path file = path(area, key);
        try {
            return Optional.of(new Stored(Files.newInputStream(file), Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(Area area, String key) {
        return Files.isRegularFile(path(area, key));
    }

    @Override
    public void delete(Area area, String key) {
        Path file = path(area, key);
        try {
            Files.deleteIfExists(file);
            // Leave no empty folders behind an image's last rendition. A folder another delete has just removed, or
            // into which a file has just been stored, ends the climb.
            for (Path dir = file.getParent(); dir != null && !dir.equals(root.resolve(area.prefix()).normalize())
                    && dir.startsWith(root); dir = dir.getParent()) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        break;
                    }
                    Files.deleteIfExists(dir);
                } catch (NoSuchFileException | DirectoryNotEmptyException e) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachKey(Area area, String prefix, Consumer<String> action) {
        Path base = root.resolve(area.prefix());
        // Walk only the folder the prefix names (renditions/ rather than every image and document).
        Path start = base.resolve(prefix.substring(0, prefix.lastIndexOf('/') + 1));
        if (!Files.isDirectory(start)) {
            return;
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    String key = base.relativize(file).toString().replace('\\', '/');
                    if (attributes.isRegularFile() && !file.getFileName().toString().startsWith(".") && key.startsWith(prefix)) {
                        action.accept(key);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    // Deleted while the folder was walked (another instance cleaning up): it is simply not listed.
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<URI> presign(Area area, String key, Duration lifetime, String downloadName, String contentType) {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "the folder " + root;
    }

    private Path path(Area area, String key) {
        Path file = root.resolve(area.prefix()).resolve(MediaStore.checkKey(key)).normalize();
        if (!file.startsWith(root.resolve(area.prefix()).normalize())) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return file;
    }
}
