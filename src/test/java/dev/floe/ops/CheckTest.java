package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.floe.support.Cli;
import dev.floe.support.FloeIntegrationTest;

/** {@code floe check [--deploy]}, run as a separate process with the environment an operator would give it. */
class CheckTest extends FloeIntegrationTest {

    private static final String STRONG_SECRET = "k3J9-qX2v7Lp0zR8tY4wB6nM1cF5hD0sAe";

    @Test
    void everyProblemIsReportedAtOnceEvenWhenFloeCannotStart() throws IOException {
        int closed = closedPort();
        Map<String, String> env = new HashMap<>();
        env.put("BASE_SETTINGS_MODULE", "develop");
        env.put("SECRET_KEY", "changeme");
        env.put("PORT", "eighty");
        env.put("REDIS_ADDRESS", "127.0.0.1:" + closed);
        env.put("ELASTICSEARCH_ADDRESS", "http://127.0.0.1:" + closed);
        env.putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(closed), "PGDATABASE", "floe", "PGUSER", "floe", "PGPASSWORD", "x"));
        env.put("EMAIL_HOST", "");
        env.put("AWS_STORAGE_BUCKET_NAME", "");

        Cli.Result result = Cli.run(env, "check", "--deploy");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).contains(
                "ERROR    BASE_SETTINGS_MODULE: is 'develop': a deployment runs production",
                "ERROR    SECRET_KEY: is too weak for production",
                "ERROR    SITE_DOMAIN: must be set in production",
                "ERROR    PORT: must be a port number",
                "ERROR    database: cannot be reached at 127.0.0.1:" + closed,
                "ERROR    Redis: cannot be reached at 127.0.0.1:" + closed,
                "ERROR    Elasticsearch: cannot be reached at 127.0.0.1:" + closed,
                "ERROR    AWS_STORAGE_BUCKET_NAME: is unset while REDIS_ADDRESS says several instances run",
                "WARNING  EMAIL_HOST: is unset",
                "WARNING  FORCE_SSL: is not yes",
                "WARNING  migrations: not checked");
        assertThat(result.stderr().strip()).isEqualTo("floe: check found 8 serious problems (BASE_SETTINGS_MODULE, SECRET_KEY, "
                + "SITE_DOMAIN, PORT, database, Redis, Elasticsearch, AWS_STORAGE_BUCKET_NAME)");
    }

    @Test
    void aSoundProductionSetupPassesWithTheServicesItNames() throws IOException {
        try (ServerSocket search = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>();
            env.put("BASE_SETTINGS_MODULE", "production");
            env.put("SECRET_KEY", STRONG_SECRET);
            env.put("SITE_DOMAIN", "www.example.com");
            env.put("FORCE_SSL", "yes");
            env.put("EMAIL_HOST", "smtp.example.com");
            env.put("ELASTICSEARCH_ADDRESS", "http://127.0.0.1:" + search.getLocalPort());

            Cli.Result result = Cli.run(env, "check", "--deploy");

            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("OK       settings: production module for www.example.com",
                            "OK       Elasticsearch: reachable at 127.0.0.1:" + search.getLocalPort(), "OK       migrations: all ",
                            "OK       site: no site project, the platform's own: ")
                    .doesNotContain("ERROR");
            assertThat(result.lastLine()).startsWith("No serious problems");
        }
    }

    /**
     * Settings given as system properties (FLOE_JAVA_OPTS=-DSECRET_KEY=…) are read by the context that serves, so check
     * must read them too rather than call them unset.
     */
    @Test
    void settingsGivenAsSystemPropertiesAreCheckedAsTheContextReadsThem() throws IOException {
        try (ServerSocket search = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>();
            env.put("BASE_SETTINGS_MODULE", "production");
            env.put("FORCE_SSL", "yes");
            env.put("EMAIL_HOST", "smtp.example.com");
            env.put("ELASTICSEARCH_ADDRESS", "http://127.0.0.1:" + search.getLocalPort());

            Cli.Result result = Cli.run(List.of("-DSECRET_KEY=" + STRONG_SECRET, "-DSITE_DOMAIN=www.example.org"), env, null,
                    "check", "--deploy");

            assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
            assertThat(result.stdout()).contains("OK       settings: production module for www.example.org").doesNotContain("ERROR");
        }
    }

    @Test
    void pendingMigrationsAreSerious() throws Exception {
        try (ScratchDatabase empty = ScratchDatabase.create()) {
            Cli.Result result = Cli.run(empty.env(), "check");

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.stdout()).containsPattern("ERROR    migrations: [0-9]+ pending \\(accounts-0001-users-and-tokens, .*\\): run floe migrate");
            assertThat(result.stderr().strip()).isEqualTo("floe: check found 1 serious problem (migrations)");
        }
    }

    /**
     * A start reads the site project and refuses a broken one; check reads it too, so that a pipeline's check step
     * catches what the rollout would otherwise find when every new instance fails to start.
     */
    @Test
    void aSiteProjectThatWouldStopTheStartIsSerious() throws IOException {
        Path site = Files.createTempDirectory("floe-broken-site");
        Files.writeString(site.resolve("site.yaml"), """
                page_types:
                  landing_page:
                    layouts: [landnig]
                """);

        Cli.Result result = Cli.run(Map.of("FLOE_SITE_DIR", site.toString()), "check");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).contains("ERROR    site: page type 'landing_page' offers the layout 'landnig', but neither the"
                + " site project nor the platform has templates/layouts/landnig.peb");
        assertThat(result.stderr().strip()).isEqualTo("floe: check found 1 serious problem (site)");
        FileSystemUtils.deleteRecursively(site);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
