package dev.floe.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.floe.config.FloeSettings;
import dev.floe.config.SettingsException;

/** Asking an oEmbed provider: never at a private address unless configured for tests, within time and size limits. */
class OEmbedClientTest {

    private static final LocalOEmbedProvider PROVIDER = new LocalOEmbedProvider();
    private static final FloeSettings DEVELOP = FloeSettings.from(Map.<String, String>of()::get);

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Test
    void byDefaultAProviderAtALoopbackAddressIsRefusedWithoutBeingAsked() {
        OEmbedClient client = new OEmbedClient(new EmbedSettings(Duration.ofSeconds(2), 10_000, false), DEVELOP);
        int before = PROVIDER.totalRequests();

        for (String endpoint : List.of(PROVIDER.endpoint(), PROVIDER.endpoint().replace("127.0.0.1", "localhost"),
                PROVIDER.endpoint().replace("127.0.0.1", "[::1]"), "https://10.0.0.1/oembed", "https://169.254.169.254/oembed")) {
            assertThatThrownBy(() -> client.fetch(provider(endpoint), "https://videos.example.test/watch/ok")).as(endpoint)
                    .isInstanceOf(EmbedFailure.class).hasMessageContaining("private or local address");
        }
        assertThat(PROVIDER.totalRequests()).isEqualTo(before);
    }

    @Test
    void whenAllowedForTestsTheProvidersPlayerIsKeptAndEverythingElseDropped() throws EmbedFailure {
        OEmbed embed = testClient().fetch(provider(PROVIDER.endpoint()), "https://videos.example.test/watch/ok");

        assertThat(embed).isEqualTo(new OEmbed("local", "frame", "A <b>\"quoted\"</b> video",
                "https://player.example.test/embed/ok?autoplay=0", 640, 360));
    }

    @Test
    void anAnswerOverTheSizeLimitTooSlowRedirectedOrNotJsonIsRefused() {
        OEmbedClient client = testClient();
        OEmbedProviders.Provider local = provider(PROVIDER.endpoint());

        assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/huge")).hasMessageContaining("larger than 10000 bytes");
        assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/slow")).hasMessageContaining("did not answer within 1 second;");
        assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/redirect")).hasMessageContaining("status 302");
        assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/not-json")).hasMessageContaining("not an oEmbed JSON document");
        assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/private")).hasMessageContaining("does not allow");
        assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/unknown")).hasMessageContaining("does not know this address");
    }

    @Test
    void aPlayerFromAnotherHostAScriptOrPlainHttpIsRefused() {
        OEmbedClient client = testClient();
        OEmbedProviders.Provider local = provider(PROVIDER.endpoint());

        for (String path : List.of("foreign", "script", "plain-http")) {
            assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/" + path)).as(path)
                    .hasMessageContaining("cannot be shown safely");
        }
        assertThatThrownBy(() -> client.fetch(local, "https://videos.example.test/watch/link")).hasMessageContaining("only as a link");
    }

    @Test
    void productionRefusesToStartWithPrivateAddressesAllowed() {
        FloeSettings production = FloeSettings.from(Map.of("BASE_SETTINGS_MODULE", "production",
                "SECRET_KEY", "a-long-random-production-secret-0123456789", "SITE_DOMAIN", "www.example.org")::get);

        assertThatThrownBy(() -> new OEmbedClient(new EmbedSettings(Duration.ofSeconds(2), 10_000, true), production))
                .isInstanceOf(SettingsException.class).hasMessageContaining("floe.embed.allow-private-addresses");
    }

    private static OEmbedClient testClient() {
        return new OEmbedClient(new EmbedSettings(Duration.ofSeconds(1), 10_000, true), DEVELOP);
    }

    private static OEmbedProviders.Provider provider(String endpoint) {
        return new OEmbedProviders.Provider("local", "Local", URI.create(endpoint), List.of(LocalOEmbedProvider.VIDEO_HOST),
                List.of(LocalOEmbedProvider.PLAYER_HOST));
    }
}
