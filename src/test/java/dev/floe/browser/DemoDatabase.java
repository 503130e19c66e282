package dev.floe.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import dev.floe.config.DatabaseSettings;
import dev.floe.config.FloeSettings;

/**
 * A database of the demo's own, apart from the one the other tests share (and fill with their pages): a new embedded
 * H2 file in its own var folder, or a new schema in the PostgreSQL named by {@code PG*} (as in CI).
 */
final class DemoDatabase {

    private static final DatabaseSettings SUITE = FloeSettings.from(System::getenv).database();

    final Path varDir;
    final String url;
    private final String schema;

    private DemoDatabase(Path varDir, String url, String schema) {
        this.varDir = varDir;
        this.url = url;
        this.schema = schema;
    }

    static DemoDatabase create() {
        Path varDir = newFolder("demo-");
        if (!SUITE.postgres()) {
            return new DemoDatabase(varDir, FloeSettings.from(Map.of("FLOE_VAR_DIR", varDir.toString())::get).database().jdbcUrl(), null);
        }
        String schema = "demo_" + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE SCHEMA " + schema);
        return new DemoDatabase(varDir, SUITE.jdbcUrl() + "?currentSchema=" + schema, schema);
    }

    /** Drops the PostgreSQL schema; call it once nothing uses the database any more. */
    void drop() {
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    static Path newFolder(String prefix) {
        try {
            Path dir = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SUITE.jdbcUrl(), SUITE.username(), SUITE.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
