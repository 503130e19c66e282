package dev.floe.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloeContextTest {

    /**
     * Spring's environment takes a system property before the environment variable of the same name; so must the
     * check that decides which context starts. Otherwise {@code -DREDIS_ADDRESS=…} in FLOE_JAVA_OPTS would start the
     * context processed without Redis while Spring's properties name one, and sessions would silently stay in-process.
     */
    @Test
    void aSettingGivenAsASystemPropertyIsReadAsSpringReadsIt() {
        System.setProperty("REDIS_ADDRESS", "127.0.0.1:6390");
        try {
            assertThat(FloeContext.checkEnvironment(null).redisAddress()).contains("127.0.0.1:6390");
        } finally {
            System.clearProperty("REDIS_ADDRESS");
        }
    }
}
