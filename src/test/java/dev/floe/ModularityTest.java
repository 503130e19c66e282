package dev.floe;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

/** Features talk to each other only through their public API, and never in a cycle. */
class ModularityTest {

    // ArchUnit only recognises test classes under .../target/test-classes; builds in other folders
    // (-Dfloe.build.dir=...) would otherwise count test fixtures as features' code.
    private static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test classes",
            javaClass -> javaClass.getSource().map(source -> source.getUri().toString().contains("test-classes")).orElse(false));

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirTopLevelPackagesAndWithoutCycles() {
        ApplicationModules.of(FloeApplication.class, TEST_CLASSES).verify();
    }
}
