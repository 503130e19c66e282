package dev.floe.media;

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
            varDir = OpenSearchTestNode.newTestFolder("opensearch-media-");
        }
        OpenSearchTestNode.registerOwnDatabase(registry, searchAddress, varDir);
    }

}
