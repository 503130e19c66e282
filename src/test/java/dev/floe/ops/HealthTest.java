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

    @Test
    void anApiAddressWithoutItsFinalSlashIsRedirectedToItWithItsQuery() {
        Api.Response list = anonymous.get("/api/v2/pages?limit=1&fields=title");
        Api.Response one = anonymous.get("/api/v2/pages/1");
        Api.Response unknown = anonymous.get("/api/v2/nothing-here");

        assertThat(list.status()).isEqualTo(301);
        assertThat(list.header("Location")).endsWith("/api/v2/pages/?limit=1&fields=title");
        assertThat(one.status()).isEqualTo(301);
        assertThat(one.header("Location")).endsWith("/api/v2/pages/1/");
        assertThat(unknown.status()).as("nothing there with a slash either").isEqualTo(404);
        assertThat(anonymous.post("/api/v2/pages", java.util.Map.of()).status()).as("only reads are redirected").isNotEqualTo(301);
    }
}
