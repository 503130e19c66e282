package dev.floe.ops;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.util.ScriptReader;

/**
 * A copy of a whole embedded H2 database as an SQL script (H2's {@code SCRIPT}), written where the command runs. H2
 * commits on every schema change, so a multi-step change that fails half-way is undone by putting this copy back.
 */
final class H2Snapshot implements AutoCloseable {

    private final Path file;
    private boolean keep;

    private H2Snapshot(Path file) {
        this.file = file;
    }

    static H2Snapshot take(Connection connection) throws SQLException {
        try {
            Path file = Files.createTempFile("floe-h2-snapshot", ".sql");
            try (Statement statement = connection.createStatement();
                 ResultSet script = statement.executeQuery("SCRIPT");
                 Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                while (script.next()) {
                    out.write(script.getString(1));
                    out.write('\n');
                }
            }
            return new H2Snapshot(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a snapshot of the embedded database: " + e.getMessage(), e);
        }
    }

    /** Replaces everything in the database with the snapshot. */
    void restore(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement();
             Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            statement.execute("DROP ALL OBJECTS");
            ScriptReader script = new ScriptReader(in);
            for (String sql = script.readStatement(); sql != null; sql = script.readStatement()) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file + ": " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    Path file() {
        return file;
    }

    /** Keeps the file after {@link #close()}, for an operator to restore by hand. */
    void keep() {
        keep = true;
    }

    @Override
    public void close() {
        if (keep) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
