package dev.floe;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other only through their public API, and never in a cycle. */
class ModularityTest {

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirTopLevelPackagesAndWithoutCycles() {
        ApplicationModules.of(FloeApplication.class).verify();
    }
}
