package dev.floe.ops;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.blocks.BlockTypes;
import dev.floe.config.FloeContext;
import dev.floe.config.FloeSettings;
import dev.floe.config.MailAndMediaSettings;
import dev.floe.config.SettingsException;
import dev.floe.config.SettingsModule;
import dev.floe.config.SiteProject;
import dev.floe.pages.PageTypes;
import dev.floe.pages.SiteTemplatesCheck;

/**
 * {@code floe check}: every problem with a deployment's configuration at once. The environment is checked first,
 * each variable on its own, so that one bad value does not hide the next; then the outside services are tried over
 * TCP; then, if the settings allow it, Floe itself is started (without its web server) to compare the database's
 * migrations with this release's and to read the site project as a start would: its declarations and templates.
 */
final class DeploymentCheck {

    enum Severity { OK, WARNING, ERROR }

    /** One thing checked. */
    record Finding(Severity severity, String subject, String message) {
        String line() {
            return String.format(Locale.ROOT, "%-7s  %s: %s", severity, subject, message);
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("^([A-Z][A-Z0-9_]+)\\b");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Function<String, String> environment;
    private final boolean deploy;
    private final List<Finding> findings = new ArrayList<>();

    DeploymentCheck(Function<String, String> environment, boolean deploy) {
        this.environment = environment;
        this.deploy = deploy;
    }

    List<Finding> run() {
        boolean databaseReachable = services(settings());
        boolean startable = startable();
        if (startable && databaseReachable) {
            migrations();
        } else {
            add(Severity.WARNING, "migrations", "not checked: " + (startable
                    ? "the database cannot be reached" : "Floe cannot start until the settings above are fixed"));
        }
        return List.copyOf(findings);
    }

    /** Whether Floe would start with the environment as it is (--deploy may judge it by stricter rules). */
    private boolean startable() {
        try {
            FloeSettings.from(environment);
            return true;
        } catch (SettingsException e) {
            return false;
        }
    }

    /**
     * Parses the settings as Floe would (as production with {@code --deploy}); each variable it refuses is reported
     * and stood in for by a harmless value, so that parsing goes on to find the next.
     */
    private FloeSettings settings() {
        Map<String, String> standIns = new HashMap<>();
        String module = environment.apply("BASE_SETTINGS_MODULE");
        if (deploy && (module == null || !module.strip().equalsIgnoreCase(SettingsModule.PRODUCTION.label()))) {
            add(Severity.ERROR, "BASE_SETTINGS_MODULE", "is " + (module == null || module.isBlank() ? "unset (so develop)" : "'" + module + "'")
                    + ": a deployment runs production (develop shows error details, makes its own secret and migrates on start)");
            standIns.put("BASE_SETTINGS_MODULE", SettingsModule.PRODUCTION.label());
        }
        Function<String, String> lookup = name -> standIns.containsKey(name) ? standIns.get(name) : environment.apply(name);
        boolean valid = true;
        for (int attempt = 0; attempt < 32; attempt++) {
            try {
                FloeSettings settings = FloeSettings.from(lookup);
                if (valid && standIns.isEmpty()) {
                    add(Severity.OK, "settings", settings.module().label() + " module for " + settings.siteDomain());
                }
                return settings;
            } catch (SettingsException refused) {
                valid = false;
                Matcher variable = VARIABLE.matcher(refused.getMessage());
                String name = variable.find() ? variable.group(1) : null;
                add(Severity.ERROR, name == null ? "settings" : name, name == null ? refused.getMessage()
                        : refused.getMessage().substring(name.length()).strip());
                if (name == null || standIns.containsKey(name)) {
                    break;
                }
                standIns.put(name, standIn(name));
            }
        }
        return FloeSettings.from(name -> null);
    }

    /** Checks the services the settings name; returns whether the database answered. */
    private boolean services(FloeSettings settings) {
        MailAndMediaSettings mailAndMedia;
        try {
            mailAndMedia = MailAndMediaSettings.from(environment);
        } catch (SettingsException refused) {
            if (refused.getMessage().startsWith("EMAIL_PORT")) {
                add(Severity.ERROR, "EMAIL_PORT", refused.getMessage().substring("EMAIL_PORT".length()).strip());
                mailAndMedia = MailAndMediaSettings.from(name -> "EMAIL_PORT".equals(name) ? null : environment.apply(name));
            } else {
                add(Severity.ERROR, "media", refused.getMessage());
                mailAndMedia = MailAndMediaSettings.from(name -> name.startsWith("AWS_") ? null : environment.apply(name));
            }
        }
        boolean production = deploy || settings.isProduction();
        boolean severalInstances = settings.redisAddress().isPresent();
        if (production && !settings.forceSsl()) {
            add(Severity.WARNING, "FORCE_SSL", "is not yes: visitors may use plain HTTP unless the proxy in front redirects them");
        }
        boolean databaseReachable;
        if (settings.database().postgres()) {
            URI address = URI.create(settings.database().jdbcUrl().substring("jdbc:".length()));
            databaseReachable = reachable("database", "PGHOST/PGPORT", address.getHost(), address.getPort() == -1 ? 5432 : address.getPort());
        } else {
            databaseReachable = true;
            if (severalInstances) {
                add(Severity.ERROR, "database", "REDIS_ADDRESS says several instances run, but they would each have their own "
                        + "embedded H2 database: set PGHOST, PGDATABASE, PGUSER and PGPASSWORD");
            } else {
                add(production ? Severity.WARNING : Severity.OK, "database", settings.database().describe()
                        + (production ? ": fine for one instance; use PostgreSQL (PG*) for more" : ""));
            }
        }
        settings.redisAddress().ifPresent(address -> {
            int colon = address.lastIndexOf(':');
            reachable("Redis", "REDIS_ADDRESS", address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        });
        settings.elasticsearchAddress().ifPresent(address -> reachable("Elasticsearch", "ELASTICSEARCH_ADDRESS", address.getHost(),
                address.getPort() != -1 ? address.getPort() : "https".equals(address.getScheme()) ? 443 : 80));
        if (severalInstances && mailAndMedia.storageBucket().isEmpty()) {
            add(Severity.ERROR, "AWS_STORAGE_BUCKET_NAME", "is unset while REDIS_ADDRESS says several instances run: media uploaded "
                    + "to one would be missing on the others; set AWS_STORAGE_BUCKET_NAME (and the other AWS_* variables)");
        }
        if (mailAndMedia.emailHost().isEmpty()) {
            add(production ? Severity.WARNING : Severity.OK, "EMAIL_HOST", production
                    ? "is unset: mail (password resets, notifications) is written to the log, not sent"
                    : "unset: mail is written to the log");
        }
        return databaseReachable;
    }

    private void migrations() {
        try (ConfigurableApplicationContext context = FloeContext.start(false, null, "spring.liquibase.enabled=false",
                "spring.datasource.hikari.connection-timeout=" + CONNECT_TIMEOUT.multipliedBy(2).toMillis())) {
            Migrations migrations = context.getBean(Migrations.class);
            List<String> pending = migrations.status().stream().filter(c -> !c.applied()).map(Migrations.Change::id).toList();
            if (pending.isEmpty()) {
                add(Severity.OK, "migrations", "all " + migrations.status().size() + " applied");
            } else {
                add(Severity.ERROR, "migrations", pending.size() + " pending (" + String.join(", ", pending)
                        + "): run floe migrate before the rollout; instances stay unready until then");
            }
            List<String> unknown = migrations.unknownApplied();
            if (!unknown.isEmpty()) {
                add(Severity.WARNING, "migrations", "the database has changes this release does not know (" + String.join(", ", unknown)
                        + "): a newer release migrated it; that is fine only if they were additive (see docs/operations.md)");
            }
            site(context);
        } catch (RuntimeException e) {
            add(Severity.ERROR, "start", "Floe cannot start with these settings: " + FloeContext.explain(e));
        }
    }

    /** The site project as a start reads it; the context here is lazy, so nothing has read it yet. */
    private void site(ConfigurableApplicationContext context) {
        try {
            int templates = context.getBean(SiteTemplatesCheck.class).siteTemplates();
            SiteProject site = context.getBean(SiteProject.class);
            add(Severity.OK, "site", site.directory().map(dir -> dir + ": '" + site.siteName() + "', ").orElse("no site project, the platform's own: ")
                    + context.getBean(PageTypes.class).all().size() + " page types, " + context.getBean(BlockTypes.class).all().size()
                    + " block types, " + templates + " template" + (templates == 1 ? "" : "s") + " of its own compiled");
        } catch (RuntimeException e) {
            add(Severity.ERROR, "site", FloeContext.explain(e));
        }
    }

    private boolean reachable(String service, String variable, String host, int port) {
        Optional<String> problem = connect(host, port);
        if (problem.isEmpty()) {
            add(Severity.OK, service, "reachable at " + host + ":" + port);
            return true;
        }
        add(Severity.ERROR, service, "cannot be reached at " + host + ":" + port + " (" + problem.get() + "); check " + variable);
        return false;
    }

    private static Optional<String> connect(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void add(Severity severity, String subject, String message) {
        findings.add(new Finding(severity, subject, message));
    }

    /** A value that passes parsing, so that the next variable gets checked. */
    private String standIn(String variable) {
        return switch (variable) {
            case "SECRET_KEY" -> {
                byte[] random = new byte[36];
                new SecureRandom().nextBytes(random);
                yield Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            }
            case "SITE_DOMAIN" -> "localhost";
            case "BASE_SETTINGS_MODULE" -> (deploy ? SettingsModule.PRODUCTION : SettingsModule.DEVELOP).label();
            default -> null;
        };
    }
}
