package dev.floe.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Floe's configuration, read once from the environment contract (see DESIGN.md) and validated.
 * Every variable of the contract is read here and nowhere else.
 */
public record FloeSettings(
        SettingsModule module,
        Optional<String> secretKey,
        String siteDomain,
        List<String> virtualHosts,
        boolean forceSsl,
        DatabaseSettings database,
        Optional<String> redisAddress,
        Optional<URI> elasticsearchAddress,
        int port,
        Path varDir,
        Optional<Path> siteDir,
        Path staticRoot,
        boolean migrateOnStart) {

    public static final int MIN_SECRET_LENGTH = 32;

    /** Reads the contract's variables through {@code lookup} (the process environment, or test properties). */
    public static FloeSettings from(Function<String, String> lookup) {
        SettingsModule module = SettingsModule.parse(lookup.apply("BASE_SETTINGS_MODULE"));
        Path varDir = Path.of(orDefault(lookup.apply("FLOE_VAR_DIR"), "var")).toAbsolutePath().normalize();
        String secret = blankToNull(lookup.apply("SECRET_KEY"));
        String siteDomain = blankToNull(lookup.apply("SITE_DOMAIN"));
        if (module == SettingsModule.PRODUCTION) {
            if (secret == null) {
                throw new SettingsException("SECRET_KEY must be set in production (a random string of at least "
                        + MIN_SECRET_LENGTH + " characters)");
            }
            if (secret.length() < MIN_SECRET_LENGTH || isDefaultSecret(secret)) {
                throw new SettingsException("SECRET_KEY is too weak for production: use a random string of at least "
                        + MIN_SECRET_LENGTH + " characters");
            }
            if (siteDomain == null) {
                throw new SettingsException("SITE_DOMAIN must be set in production (the site's canonical host, e.g. www.example.com)");
            }
        }
        if (siteDomain != null && !siteDomain.matches("[A-Za-z0-9.-]+(:[0-9]+)?")) {
            throw new SettingsException("SITE_DOMAIN must be a host name such as www.example.com, not '" + siteDomain + "'");
        }
        String siteDir = blankToNull(lookup.apply("FLOE_SITE_DIR"));
        Optional<Path> site = Optional.ofNullable(siteDir).map(d -> Path.of(d).toAbsolutePath().normalize());
        String staticRoot = blankToNull(lookup.apply("FLOE_STATIC_ROOT"));
        return new FloeSettings(
                module,
                Optional.ofNullable(secret),
                siteDomain == null ? "localhost" : siteDomain.toLowerCase(Locale.ROOT),
                parseVirtualHosts(lookup.apply("VIRTUAL_HOST")),
                parseYesNo("FORCE_SSL", lookup.apply("FORCE_SSL")),
                database(lookup, varDir),
                Optional.ofNullable(parseHostPort("REDIS_ADDRESS", lookup.apply("REDIS_ADDRESS"))),
                Optional.ofNullable(parseHttpAddress("ELASTICSEARCH_ADDRESS", lookup.apply("ELASTICSEARCH_ADDRESS"))),
                parsePort("PORT", lookup.apply("PORT"), 8080),
                varDir,
                site,
                staticRoot != null ? Path.of(staticRoot).toAbsolutePath().normalize()
                        : site.map(d -> d.resolve("collected-static")).orElse(varDir.resolve("static")),
                module != SettingsModule.PRODUCTION || parseYesNo("FLOE_MIGRATE_ON_START", lookup.apply("FLOE_MIGRATE_ON_START")));
    }

    public boolean isProduction() {
        return module == SettingsModule.PRODUCTION;
    }

    /** Every host name this site answers to: {@code SITE_DOMAIN} and the hosts of {@code VIRTUAL_HOST}. */
    public Set<String> acceptedHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(siteDomain);
        hosts.addAll(virtualHosts);
        return hosts;
    }

    /**
     * The site's canonical base URL, without a trailing slash. On a developer's machine (develop settings, the site at
     * localhost) the browser talks to {@code PORT} itself, so links in mail, the sitemap and canonical tags carry it;
     * anywhere else the proxy in front answers for {@code SITE_DOMAIN} on the usual ports.
     */
    public String baseUrl() {
        boolean direct = module == SettingsModule.DEVELOP && "localhost".equals(siteDomain) && port != (forceSsl ? 443 : 80);
        return (forceSsl ? "https://" : "http://") + siteDomain + (direct ? ":" + port : "");
    }

    private static DatabaseSettings database(Function<String, String> lookup, Path varDir) {
        String host = blankToNull(lookup.apply("PGHOST"));
        String portText = blankToNull(lookup.apply("PGPORT"));
        String name = blankToNull(lookup.apply("PGDATABASE"));
        String user = blankToNull(lookup.apply("PGUSER"));
        String password = lookup.apply("PGPASSWORD");
        if (host == null && portText == null && name == null && user == null && blankToNull(password) == null) {
            return DatabaseSettings.embedded(varDir);
        }
        return DatabaseSettings.postgres(
                host == null ? "localhost" : host,
                parsePort("PGPORT", portText, 5432),
                name == null ? "floe" : name,
                user == null ? "floe" : user,
                password);
    }

    private static List<String> parseVirtualHosts(String value) {
        List<String> hosts = new ArrayList<>();
        if (value == null) {
            return hosts;
        }
        for (String part : value.split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String host = entry.replaceFirst("^(?i)https?://", "").replaceFirst("/.*$", "").toLowerCase(Locale.ROOT);
            if (!host.matches("[a-z0-9.*-]+(:[0-9]+)?")) {
                throw new SettingsException("VIRTUAL_HOST has an entry that is not a host name: '" + entry + "'");
            }
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return List.copyOf(hosts);
    }

    private static boolean parseYesNo(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> true;
            case "no", "false", "0", "off" -> false;
            default -> throw new SettingsException(name + " must be yes or no, not '" + value + "'");
        };
    }

    private static int parsePort(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException(name + " must be a port number from 1 to 65535, not '" + value + "'");
    }

    private static String parseHostPort(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        String hostPort = v.replaceFirst("^redis://", "");
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new SettingsException(name + " must be host:port, not '" + value + "'");
        }
        parsePort(name, hostPort.substring(colon + 1), 0);
        return hostPort;
    }

    private static URI parseHttpAddress(String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            URI uri = URI.create(v.contains("://") ? v : "http://" + v);
            if ((uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new SettingsException(name + " must be an address such as http://127.0.0.1:9200, not '" + value + "'");
    }

    private static boolean isDefaultSecret(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        return lower.contains("changeme") || lower.contains("change-me") || lower.contains("secret_key")
                || lower.chars().distinct().count() < 8;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
