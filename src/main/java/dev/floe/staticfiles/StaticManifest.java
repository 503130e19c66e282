package dev.floe.staticfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code manifest.json} in the collected folder: each static file's name and its content-hashed name. */
record StaticManifest(Map<String, String> paths) {

    static final String FILE = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<StaticManifest> read(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> document = JSON.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, String> paths = (Map<String, String>) document.getOrDefault("paths", Map.of());
            return Optional.of(new StaticManifest(Map.copyOf(paths)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path root) throws IOException {
        Map<String, Object> document = Map.of("version", 1, "paths", new TreeMap<>(paths));
        Path temp = Files.createTempFile(root, "manifest", ".tmp");
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
        Files.move(temp, root.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    boolean isHashedName(String name) {
        return paths.containsValue(name);
    }
}
