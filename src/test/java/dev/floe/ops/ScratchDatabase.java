package dev.floe.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.floe.config.DatabaseSettings;
import dev.floe.config.FloeSettings;

/**
 * An empty database of the kind the suite runs on, apart from the shared test instance's: a new embedded H2 file in
 * its own var folder, or a new schema in the PostgreSQL named by {@code PG*}. {@link #env()} points a {@code floe}
 * process at it.
 */
final class ScratchDatabase implements AutoCloseable {

    private static final DatabaseSettings SUITE = FloeSettings.from(System::getenv).database();
    /** Liquibase logs every step at INFO through java.util.logging; a strong reference keeps this level set. */
    private static final java.util.logging.Logger LIQUIBASE_LOG = quiet("liquibase");

    final Path varDir;
    final String url;
    private final String schema;
    private final Connection keepOpen;

    private ScratchDatabase(Path varDir, String url, String schema) {
        this.varDir = varDir;
        this.url = url;
        this.schema = schema;
        try {
            // An embedded database closes with its last connection and is slow to open again; keep one open.
            this.keepOpen = schema == null ? java.sql.DriverManager.getConnection(url, "sa", "") : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScratchDatabase create() {
        Path varDir = newVarDir();
        if (!SUITE.postgres()) {
            String url = FloeSettings.from(Map.of("FLOE_VAR_DIR", varDir.toString())::get).database().jdbcUrl();
            return new ScratchDatabase(varDir, url, null);
        }
        String schema = "scratch_" + UUID.randomUUID().toString().substring(0, 8);
        ScratchDatabase db = new ScratchDatabase(varDir, SUITE.jdbcUrl() + "?currentSchema=" + schema, schema);
        try (Connection connection = java.sql.DriverManager.getConnection(SUITE.jdbcUrl(), SUITE.username(), SUITE.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return db;
    }

    static boolean postgres() {
        return SUITE.postgres();
    }

    /** The environment that points a {@code floe} process at this database (and at this var folder). */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("FLOE_VAR_DIR", varDir.toString());
        if (schema != null) {
            env.put("SPRING_DATASOURCE_URL", url);
        }
        return env;
    }

    /**
     * {@link #env()} for a process that gets no other environment ({@link ServingProcess}): with the suite's PG*
     * settings too, which say the database is PostgreSQL (and so which migration gate to take).
     */
    Map<String, String> envAlone() {
        Map<String, String> env = env();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("PG")) {
                env.put(name, value);
            }
        });
        return env;
    }

    /** For PostgreSQL: the environment that reaches this schema through another port on this machine (a relay). */
    Map<String, String> envVia(int port) {
        if (schema == null) {
            throw new IllegalStateException("an embedded database has no port");
        }
        Map<String, String> env = new HashMap<>(env());
        String database = SUITE.jdbcUrl().substring(SUITE.jdbcUrl().lastIndexOf('/') + 1);
        env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?currentSchema=" + schema);
        env.putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(port), "PGDATABASE", database,
                "PGUSER", SUITE.username(), "PGPASSWORD", SUITE.password()));
        return env;
    }

    /** Where the suite's PostgreSQL listens, as host and port. */
    static java.net.URI postgresAddress() {
        return java.net.URI.create(SUITE.jdbcUrl().substring("jdbc:".length()));
    }

    DataSource dataSource() {
        return new DriverManagerDataSource(url, SUITE.postgres() ? SUITE.username() : "sa", SUITE.postgres() ? SUITE.password() : "");
    }

    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    Migrations migrations() {
        return new Migrations(dataSource());
    }

    /** Lower-case names of the tables in this database's schema. */
    TreeSet<String> tables() throws SQLException {
        try (Connection connection = connect()) {
            TreeSet<String> tables = new TreeSet<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return tables;
        }
    }

    List<String> columns(String table) throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, connection.getSchema(), name, "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        }
    }

    /** The ids in the changelog table, as many times as they appear. */
    List<String> appliedIds() throws SQLException {
        return strings("SELECT id FROM databasechangelog ORDER BY orderexecuted");
    }

    List<String> strings(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    void execute(String... sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (keepOpen != null) {
            keepOpen.close();
        }
        if (schema != null) {
            try (Connection connection = java.sql.DriverManager.getConnection(SUITE.jdbcUrl(), SUITE.username(), SUITE.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static Path newVarDir() {
        try {
            Path dir = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, "scratch-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
