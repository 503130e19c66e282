package dev.floe.blocks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import dev.floe.config.SettingsException;
import dev.floe.config.SiteProject;

/**
 * The oEmbed providers embed blocks may use: YouTube, Vimeo, SoundCloud and Spotify, plus whatever a site declares
 * under {@code oembed_providers:} (by name, replacing a built-in one of the same name).
 */
@Component
class OEmbedProviders {

    /** A provider: its oEmbed endpoint, the hosts of the addresses it embeds, and the hosts its players load from. */
    record Provider(String name, String label, URI endpoint, List<String> urlHosts, List<String> frameHosts) {
    }

    /** How a provider is written in site.yaml. */
    record Declaration(String label, String endpoint, List<String> urlHosts, List<String> frameHosts) {
    }

    private static final Map<String, Declaration> BUILT_IN = Map.of(
            "youtube", new Declaration("YouTube", "https://www.youtube.com/oembed",
                    List.of("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"),
                    List.of("www.youtube.com", "www.youtube-nocookie.com")),
            "vimeo", new Declaration("Vimeo", "https://vimeo.com/api/oembed.json",
                    List.of("vimeo.com", "www.vimeo.com", "player.vimeo.com"), List.of("player.vimeo.com")),
            "soundcloud", new Declaration("SoundCloud", "https://soundcloud.com/oembed",
                    List.of("soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"), List.of("w.soundcloud.com")),
            "spotify", new Declaration("Spotify", "https://open.spotify.com/oembed",
                    List.of("open.spotify.com"), List.of("open.spotify.com")));

    private final Map<String, Provider> providers = new LinkedHashMap<>();

    OEmbedProviders(SiteProject site, EmbedSettings settings) {
        Map<String, Declaration> declared = new LinkedHashMap<>(new TreeMap<>(BUILT_IN));
        declared.putAll(site.<Map<String, Declaration>>section("oembed_providers", site.mapper().getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Declaration.class)).orElse(Map.of()));
        declared.forEach((name, d) -> providers.put(name, provider(name, d, settings)));
    }

    /** The provider that embeds {@code url}, if any: an http(s) address on one of its hosts. */
    Optional<Provider> forUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return providers.values().stream().filter(p -> p.urlHosts().contains(host)).findFirst();
    }

    List<String> labels() {
        return providers.values().stream().map(Provider::label).toList();
    }

    private static Provider provider(String name, Declaration d, EmbedSettings settings) {
        String where = "oembed_providers." + name;
        if (d.endpoint() == null || d.urlHosts() == null || d.urlHosts().isEmpty() || d.frameHosts() == null
                || d.frameHosts().isEmpty()) {
            throw new SettingsException(where + " needs an endpoint, url_hosts and frame_hosts");
        }
        URI endpoint;
        try {
            endpoint = new URI(d.endpoint());
        } catch (java.net.URISyntaxException e) {
            throw new SettingsException(where + ".endpoint is not an address: " + d.endpoint());
        }
        // Plain http is accepted only where private addresses are, that is in tests against a local provider.
        boolean schemeAllowed = "https".equals(endpoint.getScheme())
                || ("http".equals(endpoint.getScheme()) && settings.allowPrivateAddresses());
        if (!schemeAllowed || endpoint.getHost() == null || endpoint.getRawUserInfo() != null || endpoint.getRawFragment() != null) {
            throw new SettingsException(where + ".endpoint must be an https address such as https://example.org/oembed");
        }
        return new Provider(name, d.label() == null ? name : d.label(), endpoint, lower(d.urlHosts()), lower(d.frameHosts()));
    }

    private static List<String> lower(List<String> hosts) {
        return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
