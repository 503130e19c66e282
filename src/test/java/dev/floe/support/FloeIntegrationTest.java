package dev.floe.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.floe.FloeApplication;
import dev.floe.accounts.Accounts;

/**
 * Runs Floe for real: the web server on a random loopback port, the database from the environment contract
 * (embedded H2 in a fresh folder, or PostgreSQL when {@code PG*} is set, as in CI). Tests talk to it over HTTP.
 * Tests share one running instance, so each makes its own pages under its own slugs.
 */
@SpringBootTest(classes = FloeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "BASE_SETTINGS_MODULE=test", "floe.scheduler-interval=1h"})
public abstract class FloeIntegrationTest {

    /** One var folder per test JVM, so the embedded database starts empty. */
    public static final Path VAR_DIR = createVarDir();

    static {
        System.setProperty("FLOE_VAR_DIR", VAR_DIR.toString());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Accounts accounts;

    @Value("${spring.datasource.url}")
    private String databaseUrl;

    protected Api api;
    protected Api anonymous;

    // One editor and token per database: most test classes share one, a few (such as the browser test) have their own.
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @BeforeEach
    void connect() {
        anonymous = new Api(port, null);
        api = new Api(port, token());
    }

    private String token() {
        return TOKENS.computeIfAbsent(databaseUrl, url -> {
            accounts.createSuperuser("editor@floe.test", "a long enough password");
            return accounts.createToken("editor@floe.test", "tests");
        });
    }

    /** A slug no other test uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A var folder of its own for a group of test classes that run a Floe with other settings, named in the system
     * property that their {@code FLOE_VAR_DIR=${property}} reads: two Floes in one JVM must not share a var folder,
     * whose embedded search index only one of them can open.
     */
    protected static Path ownVarDir(String prefix, String property) {
        try {
            Path dir = Files.createTempDirectory(VAR_DIR.getParent(), prefix);
            System.setProperty(property, dir.toString());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createVarDir() {
        try {
            Path dir = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
