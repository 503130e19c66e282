package dev.floe.ops;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A backup file: a zip with one JSON-lines entry per table ({@code db/NN-table.jsonl}), the media folder under
 * {@code media/}, and {@code manifest.json}, which lists every entry with its SHA-256 and size. Reading verifies
 * every checksum before anything is used.
 */
final class BackupArchive {

    static final String FORMAT = "floe-backup/1";
    static final String MANIFEST = "manifest.json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {
    }

    /** Writes entries, adding each one's checksum to the manifest it writes last. */
    static final class Writer implements AutoCloseable {

        private final ZipOutputStream zip;
        private final ObjectNode manifest;
        private final ArrayNode entries;

        Writer(Path file, ObjectNode manifest) throws IOException {
            this.zip = new ZipOutputStream(Files.newOutputStream(file));
            this.manifest = manifest;
            this.entries = manifest.putArray("entries");
        }

        /** An output for one entry; closing it ends the entry and records its checksum. */
        OutputStream entry(String path) throws IOException {
            zip.putNextEntry(new ZipEntry(path));
            MessageDigest sha = sha256();
            return new FilterOutputStream(zip) {
                private long size;

                @Override
                public void write(int b) throws IOException {
                    zip.write(b);
                    sha.update((byte) b);
                    size++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    zip.write(b, off, len);
                    sha.update(b, off, len);
                    size += len;
                }

                @Override
                public void close() throws IOException {
                    zip.closeEntry();
                    entries.addObject().put("path", path).put("sha256", HexFormat.of().formatHex(sha.digest())).put("size", size);
                }
            };
        }

        @Override
        public void close() throws IOException {
            try {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            } finally {
                zip.close();
            }
        }
    }

    /** An archive whose every entry has been checked against the manifest. */
    static final class Reader implements AutoCloseable {

        private final Path path;
        private final ZipFile zip;
        private final JsonNode manifest;

        private Reader(Path path, ZipFile zip, JsonNode manifest) {
            this.path = path;
            this.zip = zip;
            this.manifest = manifest;
        }

        /** Opens and verifies the archive: the manifest, then every entry's size and SHA-256, and nothing unlisted. */
        static Reader open(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new RefusedException("There is no backup file " + file + ".");
            }
            ZipFile zip;
            try {
                zip = new ZipFile(file.toFile());
            } catch (IOException e) {
                throw damaged(file, "it is not a zip archive (" + e.getMessage() + ")");
            }
            try {
                ZipEntry manifestEntry = zip.getEntry(MANIFEST);
                if (manifestEntry == null) {
                    throw damaged(file, "it has no " + MANIFEST);
                }
                JsonNode manifest;
                try (InputStream in = zip.getInputStream(manifestEntry)) {
                    manifest = JSON.readTree(in);
                }
                if (!FORMAT.equals(manifest.path("format").asString(""))) {
                    throw damaged(file, "it is not a Floe backup (format " + manifest.path("format") + ")");
                }
                verify(file, zip, manifest);
                return new Reader(file, zip, manifest);
            } catch (IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }

        JsonNode manifest() {
            return manifest;
        }

        Path path() {
            return path;
        }

        /** The listed entries whose path starts with {@code prefix}, in the order they were written. */
        Map<String, Long> entries(String prefix) {
            Map<String, Long> found = new LinkedHashMap<>();
            for (JsonNode entry : manifest.get("entries")) {
                String name = entry.get("path").asString();
                if (name.startsWith(prefix)) {
                    found.put(name, entry.get("size").asLong());
                }
            }
            return found;
        }

        InputStream open(String entry) throws IOException {
            return zip.getInputStream(zip.getEntry(entry));
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        private static void verify(Path file, ZipFile zip, JsonNode manifest) throws IOException {
            TreeSet<String> listed = new TreeSet<>();
            for (JsonNode entry : manifest.path("entries")) {
                String name = entry.path("path").asString("");
                listed.add(name);
                if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("..")) {
                    throw damaged(file, "it lists an entry with an unsafe name: '" + name + "'");
                }
                ZipEntry zipEntry = zip.getEntry(name);
                if (zipEntry == null) {
                    throw damaged(file, name + " is missing");
                }
                MessageDigest sha = sha256();
                long size = 0;
                try (InputStream in = new DigestInputStream(zip.getInputStream(zipEntry), sha)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        size += n;
                    }
                }
                if (size != entry.path("size").asLong(-1) || !HexFormat.of().formatHex(sha.digest()).equals(entry.path("sha256").asString())) {
                    throw damaged(file, name + " does not match its checksum");
                }
            }
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                String name = all.nextElement().getName();
                if (!name.equals(MANIFEST) && !listed.contains(name)) {
                    throw damaged(file, "it holds " + name + ", which its manifest does not list");
                }
            }
        }

        private static RefusedException damaged(Path file, String why) {
            return new RefusedException("The backup " + file + " cannot be used: " + why + ". Nothing was changed.");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
