package dev.floe.blocks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.floe.config.SecretKey;

/**
 * An embed block shows an address from an allowed oEmbed provider. The provider is asked when the block is saved and
 * its answer stored in the block under {@code oembed}, so that showing the page never calls out.
 */
@Component
class EmbedRule implements BlockRule {

    private static final String COMPUTED = "oembed";

    private final OEmbedProviders providers;
    private final OEmbedClient client;
    private final SecretKey key;

    EmbedRule(OEmbedProviders providers, OEmbedClient client, SecretKey key) {
        this.providers = providers;
        this.client = client;
        this.key = key;
    }

    @Override
    public String blockType() {
        return "embed";
    }

    @Override
    public Set<String> computedKeys() {
        return Set.of(COMPUTED);
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> value, Map<String, Object> sent, Report report) {
        String url = String.valueOf(value.get("url"));
        Optional<OEmbedProviders.Provider> provider = providers.forUrl(url);
        if (provider.isEmpty()) {
            report.problem("url", "is not an address this site can embed; it embeds from "
                    + String.join(", ", providers.labels()) + " (for other sites, ask a developer about the iframe block)");
            return value;
        }
        OEmbed embed = OEmbed.verified(sent.get(COMPUTED), url, key)
                .filter(stored -> stored.provider().equals(provider.get().name()))
                .orElse(null);
        if (embed == null) {
            try {
                embed = client.fetch(provider.get(), url);
            } catch (EmbedFailure e) {
                report.problem("url", "could not be embedded: " + e.getMessage());
                return value;
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>(value);
        stored.put(COMPUTED, embed.signed(url, key));
        return stored;
    }
}
