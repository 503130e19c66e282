package dev.floe.media;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where media files live: a local folder or an S3-compatible bucket, each with public and private areas kept apart. */
interface MediaStore {

    /** Public files are served to anyone; private ones only through signed, expiring links. */
    enum Area {
        PUBLIC, PRIVATE;

        String prefix() {
            return this == PUBLIC ? "public/" : "private/";
        }
    }

    /** An open stored file and its length in bytes. */
    record Stored(InputStream content, long length) {
    }

    /** Stores {@code file} under {@code key}; a reader sees the old file or the whole new one, never half of it. */
    void put(Area area, String key, Path file, String contentType);

    Optional<Stored> open(Area area, String key);

    boolean exists(Area area, String key);

    void delete(Area area, String key);

    /** Every key in the area, for checks and reports. */
    default List<String> keys(Area area) {
        return keys(area, "");
    }

    /** The keys in the area that start with {@code prefix}, sorted. */
    default List<String> keys(Area area, String prefix) {
        List<String> keys = new ArrayList<>();
        forEachKey(area, prefix, keys::add);
        keys.sort(null);
        return keys;
    }

    /**
     * Hands each key in the area that starts with {@code prefix} to {@code action} as it is listed, in no set order,
     * without holding the listing: a bucket may hold millions of renditions.
     */
    void forEachKey(Area area, String prefix, Consumer<String> action);

    /** A link straight to the store that expires, where the store signs its own links (S3); empty otherwise. */
    Optional<URI> presign(Area area, String key, Duration lifetime, String downloadName, String contentType);

    /** Where the files are, for messages and {@code floe backup}. */
    String describe();

    /** A key is a relative path of safe characters, so that it can never leave its area. */
    static String checkKey(String key) {
        if (key == null || !key.matches("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*") || key.contains("..")) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return key;
    }
}
