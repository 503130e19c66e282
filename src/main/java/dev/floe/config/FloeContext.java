package dev.floe.config;

import java.net.ConnectException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import dev.floe.FloeApplication;
import dev.floe.FloeWithRedis;

/** Starts Floe's Spring context for a command: with the web server for serve and demo, without it otherwise. */
public final class FloeContext {

    private static final String AOT_ENABLED = "spring.aot.enabled";

    private FloeContext() {
    }

    /**
     * Checks the environment contract first, so a bad setting is one line, not a stack trace. A setting is read as
     * Spring's environment reads it, a system property of that name before the environment variable: what is read
     * here (which context to start, with Redis or without; the database to lock) must agree with what the context
     * reads.
     */
    public static FloeSettings checkEnvironment(Path siteDir) {
        FloeSettings settings = FloeSettings.from(name -> "FLOE_SITE_DIR".equals(name) && siteDir != null ? siteDir.toString() : setting(name));
        // SiteProject checks this too, but only once the database and the web server have started (seconds later).
        settings.siteDir().filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new SettingsException(SiteProject.notAFolder(dir));
        });
        return settings;
    }

    /** A setting of the environment contract as Spring's environment reads it: a system property before the variable. */
    public static String setting(String name) {
        return System.getProperty(name, System.getenv(name));
    }

    public static ConfigurableApplicationContext start(boolean web, Path siteDir, String... properties) {
        FloeSettings settings = checkEnvironment(siteDir);
        Class<?> processedAs = settings.redisAddress().isPresent() ? FloeWithRedis.class : FloeApplication.class;
        if (web) {
            useBuildTimeProcessing(processedAs);
        }
        return new SpringApplicationBuilder(FloeApplication.class)
                .main(processedAs)
                .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .logStartupInfo(web)
                .run(arguments(web, siteDir, properties));
    }

    /**
     * A context of the beans {@code configuration} declares and imports, and nothing else of Floe's or of Spring
     * Boot's auto-configuration: for a command that needs only the database. It starts in about half the time of the
     * whole context, which builds Hibernate and the search mapping first (docs/benchmarks.md, "Commands that need
     * only the database"). The environment contract applies as in every other context.
     */
    public static ConfigurableApplicationContext startOnly(Class<?> configuration, String... properties) {
        checkEnvironment(null);
        return new SpringApplicationBuilder(configuration)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(arguments(false, null, properties));
    }

    private static String[] arguments(boolean web, Path siteDir, String... properties) {
        List<String> args = new ArrayList<>();
        if (siteDir != null) {
            args.add("--FLOE_SITE_DIR=" + siteDir.toAbsolutePath());
        }
        for (String property : properties) {
            args.add("--" + property);
        }
        if (!web) {
            args.add("--logging.level.root=WARN");
            args.add("--logging.level.dev.floe=WARN");
            args.add("--spring.main.lazy-initialization=true");
            // A command uses a few repositories; making the others (and parsing their queries) is a fifth of its start.
            args.add("--spring.data.jpa.repositories.bootstrap-mode=lazy");
        }
        // A context that fails to start says so at WARN before the exception that floe explains in one line on stderr.
        args.add("--logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext=ERROR");
        args.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        args.add("--logging.level.org.springframework.boot.diagnostics=OFF");
        return args.toArray(String[]::new);
    }

    /**
     * The packaged jar carries the serving context processed at build time (pom.xml, process-aot): its bean
     * definitions as code, its repositories' queries prepared. Starting from it takes about a quarter less time
     * (docs/scaling.md, "Start-up"). It is made for the web server with and without Redis, the two contexts that differ; the
     * other commands and {@code -Dspring.aot.enabled=false} start the ordinary way. So do classes run from a folder
     * (the tests, target/classes), where generated code left by an earlier build may be stale.
     */
    private static void useBuildTimeProcessing(Class<?> processedAs) {
        if (System.getProperty(AOT_ENABLED) == null && runFromJar()
                && ClassUtils.isPresent(processedAs.getName() + "__ApplicationContextInitializer", FloeContext.class.getClassLoader())) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    private static boolean runFromJar() {
        CodeSource source = FloeApplication.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        URL location = source.getLocation();
        return "jar".equals(location.getProtocol()) || location.getPath().endsWith(".jar");
    }

    /** One line explaining why a command failed, naming the setting where one is to blame. */
    public static String explain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof SettingsException) {
                break;
            }
            root = root.getCause();
        }
        if (root instanceof SettingsException) {
            return oneLine(root.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SettingsException) {
                return oneLine(t.getMessage());
            }
            if (t instanceof ConnectException || (t instanceof SQLException sql && "08001".equals(sql.getSQLState()))) {
                return "cannot reach the database (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD): " + firstLine(t.getMessage());
            }
            if (t instanceof org.springframework.boot.web.server.PortInUseException) {
                return "PORT: " + t.getMessage();
            }
            // 42S02 and 42S04 (H2) and 42P01 (PostgreSQL): a table Floe's migrations make is not there.
            if (t instanceof SQLException sql && java.util.Set.of("42S02", "42S04", "42P01").contains(sql.getSQLState())) {
                return "the database lacks tables that Floe's migrations make; run floe migrate first ("
                        + firstLine(t.getMessage()).replaceFirst(";? *SQL statement:.*$", "") + ")";
            }
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return firstLine(message);
    }

    /** A settings message may quote what it refuses, line breaks and all; stderr gets one line. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
