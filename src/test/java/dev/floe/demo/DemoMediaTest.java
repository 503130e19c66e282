package dev.floe.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.media.MediaLibrary;
import dev.floe.support.FloeIntegrationTest;

class DemoMediaTest extends FloeIntegrationTest {

    @Autowired
    MediaLibrary library;

    @Test
    void aLoadAfterOneStoppedPartWayTakesTheUploadsItLeftInsteadOfCopies() {
        String by = "demo-" + UUID.randomUUID() + "@floe.test";

        var stoppedLoad = DemoMedia.blocks(library, by);
        var nextLoad = DemoMedia.blocks(library, by);

        assertThat(nextLoad).isEqualTo(stoppedLoad);
        assertThat(library.searchImages("The harbour at", null, 0, 1000).items())
                .filteredOn(image -> by.equals(image.updatedBy())).hasSize(3);
        assertThat(library.searchDocuments("Visitor guide", 0, 1000).items())
                .filteredOn(document -> by.equals(document.updatedBy())).hasSize(1);
    }
}
