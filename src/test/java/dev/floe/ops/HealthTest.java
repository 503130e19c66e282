package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;

class HealthTest extends FloeIntegrationTest {

    @Test
    void aStartedInstanceWithCurrentMigrationsIsLiveAndReady() {
        Api.Response live = anonymous.get("/-/health/live");
        Api.Response ready = anonymous.get("/-/health/ready");

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asString()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void unknownApiAddressesAnswerInJson() {
        Api.Response response = anonymous.get("/api/v2/nothing-here/");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("error").asString()).contains("/api/v2/nothing-here/");
    }
}
