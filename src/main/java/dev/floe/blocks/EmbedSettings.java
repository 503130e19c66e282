package dev.floe.blocks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How embeds are fetched from oEmbed providers ({@code floe.embed.*}). {@code allowPrivateAddresses} exists so that
 * tests can run a provider on 127.0.0.1; production refuses to start with it.
 */
@ConfigurationProperties("floe.embed")
record EmbedSettings(
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("262144") int maxResponseBytes,
        @DefaultValue("false") boolean allowPrivateAddresses) {
}
