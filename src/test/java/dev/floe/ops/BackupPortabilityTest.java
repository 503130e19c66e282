package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A backup taken on one kind of database restores on the other: embedded H2 to the suite's database (PostgreSQL when
 * PG* is set) and back to H2, with every value intact (text beyond ASCII, large text, times with offsets, flags).
 */
class BackupPortabilityTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void aBackupMovesFromH2ToTheSuitesDatabaseAndBackUnchanged() throws Exception {
        DataSource h2 = inMemoryH2();
        new Migrations(h2).migrate();
        try (Connection connection = h2.getConnection(); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO floe_user (email, name, password_hash, superuser, active, created_at) VALUES "
                    + "('ana@example.com', 'Ana Müller', '{bcrypt}$2a$10$abc', TRUE, TRUE, TIMESTAMP WITH TIME ZONE '2026-03-01 10:15:30.123456+10:00')");
            statement.execute("INSERT INTO page (parent_id, position, slug, path, depth, page_type, title, draft_content, draft_version,"
                    + " draft_saved_at, has_unpublished_changes, live, created_at) SELECT id, 0, 'grüße', '/grüße/', 1, 'layout_page',"
                    + " 'Grüße ✓', '" + "x".repeat(100_000) + "', 3, TIMESTAMP WITH TIME ZONE '2026-03-01 00:00:00-05:00', TRUE, FALSE,"
                    + " CURRENT_TIMESTAMP FROM page WHERE path = '/'");
        }
        Path dir = Files.createTempDirectory("floe-portability");
        Path fromH2 = dir.resolve("from-h2.zip");
        Path back = dir.resolve("back.zip");

        new Backups(h2, dir.resolve("h2-media"), new Migrations(h2)).backup(fromH2, false, QUIET);
        try (ScratchDatabase suite = ScratchDatabase.create()) {
            new Backups(suite.dataSource(), suite.varDir.resolve("media"), suite.migrations()).restore(fromH2, false, QUIET);
            assertThat(rows(suite.dataSource())).isEqualTo(rows(h2));

            new Backups(suite.dataSource(), suite.varDir.resolve("media"), suite.migrations()).backup(back, false, QUIET);
        }
        DataSource again = inMemoryH2();
        new Backups(again, dir.resolve("again-media"), new Migrations(again)).restore(back, false, QUIET);

        assertThat(rows(again)).isEqualTo(rows(h2));
        assertThat(rows(again).get("page")).hasSize(2);
    }

    private static DataSource inMemoryH2() {
        return new DriverManagerDataSource("jdbc:h2:mem:portability-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static Map<String, List<Map<String, Object>>> rows(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return TableRows.of(connection);
        }
    }
}
