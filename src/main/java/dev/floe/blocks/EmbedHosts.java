package dev.floe.blocks;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.floe.config.SettingsException;
import dev.floe.config.SiteProject;

/**
 * The hosts whose pages editors may show in an iframe block, from the site's {@code embed_hosts:} list. An entry is a
 * host name ({@code www.example.org}) or a wildcard for its subdomains ({@code *.example.org}). None by default.
 */
@Component
class EmbedHosts {

    private static final String HOST = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+";

    private final List<String> hosts;

    EmbedHosts(SiteProject site) {
        List<String> declared = site.<List<String>>section("embed_hosts",
                site.mapper().getTypeFactory().constructCollectionType(List.class, String.class)).orElse(List.of());
        for (String host : declared) {
            if (host == null || !host.toLowerCase(Locale.ROOT).matches("(\\*\\.)?" + HOST)) {
                throw new SettingsException("embed_hosts has '" + host + "', which is not a host name such as"
                        + " www.example.org or *.example.org");
            }
        }
        this.hosts = declared.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether {@code url} is an https address on an allowed host. */
    boolean allows(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? host.endsWith(allowed.substring(1)) : host.equals(allowed));
    }

    List<String> hosts() {
        return hosts;
    }
}
