package dev.floe.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.floe.search.OpenSearchTestNode;

/** The same media search on a real OpenSearch node (shared with other test classes), with a database and var folder of its own. */
class MediaSearchOnOpenSearchTest extends MediaSearchTest {

    private static String searchAddress;
    private static Path varDir;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        if (searchAddress == null) {
            searchAddress = OpenSearchTestNode.sharedAddress();
            varDir = tempDir();
        }
        registry.add("ELASTICSEARCH_ADDRESS", () -> searchAddress);
        registry.add("FLOE_VAR_DIR", varDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + varDir.resolve("db/floe") + ";AUTO_SERVER=TRUE");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    private static Path tempDir() {
        try {
            Path root = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "opensearch-media-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
