package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The expand/contract rule, tested: the previous release's code must work on this release's schema, because it serves
 * while a release migrates and again after a rollback of code. Each release's queries, as Hibernate sent them during
 * its test suite ({@code src/test/resources/releases/VERSION/queries.sql}, written by scripts/record-queries.sh),
 * must still be accepted by the database after every change of this release: no table or column they name may be
 * renamed or dropped, and no column they leave out of an insert may become required without a default.
 */
class PreviousReleaseQueriesTest {

    private ScratchDatabase db;

    @BeforeEach
    void migratedDatabase() {
        db = ScratchDatabase.create();
        db.migrations().migrate();
    }

    @AfterEach
    void dropIt() throws Exception {
        db.close();
    }

    @Test
    void everyRecordedQueryOfThePreviousReleaseIsAcceptedByTheMigratedSchema() throws Exception {
        List<Path> releases = releases();
        assertThat(releases).as("a recorded release under src/test/resources/releases/").isNotEmpty();
        for (Path release : releases) {
            List<String> queries = queries(release);
            assertThat(queries).as(release + ": the suite's queries, selects and writes of the pages").hasSizeGreaterThan(50)
                    .anyMatch(q -> q.startsWith("insert into page")).anyMatch(q -> q.startsWith("update page"))
                    .anyMatch(q -> q.startsWith("select") && q.contains(" from page "));
            assertThat(rejected(queries)).as("queries of release " + release.getFileName() + " this schema rejects").isEmpty();
        }
    }

    @Test
    void aContractingChangeInTheSameReleaseBreaksThemAndIsCaught() throws Exception {
        List<String> queries = queries(releases().getLast());
        db.execute("ALTER TABLE redirect DROP COLUMN target_url", "ALTER TABLE menu RENAME TO site_menu");

        List<String> rejected = rejected(queries);

        assertThat(rejected).isNotEmpty()
                .anyMatch(r -> r.contains("target_url"))
                .anyMatch(r -> r.contains(" menu "))
                .allMatch(r -> r.contains("target_url") || r.contains("menu"));
    }

    @Test
    void aNewRequiredColumnWithoutADefaultBreaksTheirInsertsAndIsCaught() throws Exception {
        List<String> queries = queries(releases().getLast());
        db.execute("ALTER TABLE redirect ADD COLUMN note VARCHAR(100) DEFAULT 'x' NOT NULL",
                "ALTER TABLE redirect ALTER COLUMN note DROP DEFAULT");

        assertThat(rejected(queries)).isNotEmpty()
                .allMatch(r -> r.startsWith("insert into redirect") && r.contains("note"));
    }

    /**
     * Each query the database refuses to prepare, with the reason (a table or column that is gone, a type that
     * changed), and each insert that leaves out a column that is now required and has no default.
     */
    private List<String> rejected(List<String> queries) throws SQLException {
        List<String> rejected = new ArrayList<>();
        try (Connection connection = db.connect()) {
            for (String sql : queries) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    // H2 checks a statement when preparing it; PostgreSQL's driver only when asked to describe it.
                    statement.getParameterMetaData();
                    requiredColumnsLeftOut(connection, sql).forEach(column -> rejected.add(sql + "\n    -> leaves out "
                            + column + ", which is required and has no default"));
                } catch (SQLException e) {
                    rejected.add(sql + "\n    -> " + e.getMessage().lines().findFirst().orElse(""));
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                }
            }
        }
        return rejected;
    }

    private static final Pattern INSERT = Pattern.compile("insert into ([a-z_0-9]+) ?\\(([^)]*)\\).*");

    /** The columns an insert does not name that the table requires without a default or an identity of its own. */
    private static List<String> requiredColumnsLeftOut(Connection connection, String sql) throws SQLException {
        Matcher insert = INSERT.matcher(sql);
        if (!insert.matches()) {
            return List.of();
        }
        Set<String> named = Stream.of(insert.group(2).split(",")).map(c -> c.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        DatabaseMetaData meta = connection.getMetaData();
        String table = meta.storesUpperCaseIdentifiers() ? insert.group(1).toUpperCase(Locale.ROOT) : insert.group(1);
        List<String> leftOut = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(null, connection.getSchema(), table, "%")) {
            while (columns.next()) {
                String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                boolean required = columns.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                boolean defaulted = columns.getString("COLUMN_DEF") != null || "YES".equals(columns.getString("IS_AUTOINCREMENT"))
                        || "YES".equals(columns.getString("IS_GENERATEDCOLUMN"));
                if (required && !defaulted && !named.contains(column)) {
                    leftOut.add(insert.group(1) + "." + column);
                }
            }
        }
        return leftOut;
    }

    private static List<Path> releases() throws IOException, URISyntaxException {
        Path root = Path.of(PreviousReleaseQueriesTest.class.getResource("/releases").toURI());
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("queries.sql"))).sorted().toList();
        }
    }

    private static List<String> queries(Path release) throws IOException {
        return Files.readAllLines(release.resolve("queries.sql")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("--"))
                .toList();
    }
}
