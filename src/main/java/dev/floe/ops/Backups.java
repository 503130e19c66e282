package dev.floe.ops;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import dev.floe.config.FloeSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code floe backup} and {@code floe restore}: every table's rows as JSON lines in dependency order, the changelog
 * state and the media folder, in one archive with a SHA-256 per entry. Restoring verifies the archive first, then
 * replaces the database's rows in one transaction and the media folder in one swap.
 */
@Service
public class Backups {

    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final Path mediaDir;
    private final Migrations migrations;

    @Autowired
    Backups(DataSource dataSource, FloeSettings settings, Migrations migrations) {
        this(dataSource, settings.varDir().resolve("media"), migrations);
    }

    Backups(DataSource dataSource, Path mediaDir, Migrations migrations) {
        this.dataSource = dataSource;
        this.mediaDir = mediaDir;
        this.migrations = migrations;
    }

    /** What a backup or restore moved. */
    public record Summary(int tables, long rows, int mediaFiles, long archiveBytes, Duration took) {
        String describe() {
            return String.format(Locale.ROOT, "%d tables (%,d rows) and %d media file%s", tables, rows, mediaFiles, mediaFiles == 1 ? "" : "s");
        }
    }

    /** Writes the archive to {@code file} (through a temporary file beside it, so a failed backup leaves none). */
    public Summary backup(Path file, boolean scrub, PrintStream progress) {
        Instant started = Instant.now();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("format", BackupArchive.FORMAT);
        manifest.put("created_at", started.toString());
        String version = Backups.class.getPackage().getImplementationVersion();
        manifest.put("floe_version", version == null ? "development" : version);
        manifest.put("scrubbed", scrub);
        long rows = 0;
        int tables = 0;
        int media;
        try (Connection connection = dataSource.getConnection()) {
            manifest.put("source_database", connection.getMetaData().getDatabaseProductName());
            consistentReadOnly(connection);
            DatabaseTables schema = DatabaseTables.read(connection);
            manifest.set("changes", appliedChanges(connection, schema));
            Scrubbing scrubbing = scrub ? new Scrubbing(users(connection, schema)) : null;
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BackupArchive.Writer archive = new BackupArchive.Writer(partial, manifest)) {
                ArrayNode tableList = manifest.putArray("tables");
                int position = 0;
                for (DatabaseTables.Table table : schema.tables()) {
                    String entry = String.format(Locale.ROOT, "db/%02d-%s.jsonl", position++, table.key());
                    OutputStream out = archive.entry(entry);
                    long count;
                    if (scrubbing != null && scrubbing.leavesOut(table.key())) {
                        out.close();
                        count = 0;
                    } else {
                        count = writeRows(connection, schema, table, out, scrubbing);
                    }
                    ObjectNode described = tableList.addObject().put("name", table.key()).put("entry", entry).put("rows", count);
                    ArrayNode columns = described.putArray("columns");
                    table.columns().forEach(c -> columns.addObject().put("name", c.key()).put("type", c.typeName()));
                    rows += count;
                    tables++;
                    progress.printf(Locale.ROOT, "  %-28s %,10d rows%n", table.key(), count);
                }
                media = writeMedia(archive);
            }
            connection.commit();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(tables, rows, media, Files.size(file), Duration.between(started, Instant.now()));
        } catch (SQLException e) {
            throw new IllegalStateException("The backup failed reading the database: " + e.getMessage());
        } catch (IOException e) {
            // Without the cause: a command's error line names the deepest cause, which here is only a path.
            throw new IllegalStateException("The backup failed writing " + file + ": " + ioProblem(e));
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is only a leftover
            }
        }
    }

    /** An I/O failure in words; the JDK's file exceptions often carry nothing but the path. */
    static String ioProblem(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException missing -> "there is no such folder or file (" + missing.getFile() + ")";
            case java.nio.file.AccessDeniedException denied -> "permission denied (" + denied.getFile() + ")";
            case java.nio.file.FileSystemException other when other.getReason() != null -> other.getReason() + " (" + other.getFile() + ")";
            case java.nio.file.FileSystemException other -> "the file system refused (" + other.getFile() + ")";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }

    /**
     * Replaces the database's rows and the media folder with the archive's. The archive is verified first; a database
     * with content or a media folder with files is replaced only with {@code force}.
     */
    public Summary restore(Path file, boolean force, PrintStream progress) {
        Instant started = Instant.now();
        try (BackupArchive.Reader archive = BackupArchive.Reader.open(file)) {
            List<String> changes = new ArrayList<>();
            archive.manifest().path("changes").forEach(c -> changes.add(c.asString()));
            prepareSchema(file, changes);
            return migrations.whileLocked(() -> restoreLocked(archive, changes, force, progress, started));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup " + file + ": " + e.getMessage(), e);
        }
    }

    private void prepareSchema(Path file, List<String> changes) {
        List<String> known = migrations.knownIds();
        List<String> unknown = changes.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new RefusedException("The backup " + file + " was taken after changes this release does not know ("
                    + String.join(", ", unknown) + "): restore it with the release that made it. Nothing was changed.");
        }
        if (migrations.appliedIds().isEmpty()) {
            migrations.migrateTo(changes);
        }
    }

    private Summary restoreLocked(BackupArchive.Reader archive, List<String> changes, boolean force, PrintStream progress,
                                  Instant started) throws IOException {
        Set<String> applied = new HashSet<>(migrations.appliedIds());
        if (!applied.equals(new HashSet<>(changes))) {
            throw new RefusedException("This database's migrations differ from the backup's (" + difference(applied, changes)
                    + "): bring it to the backup's with floe migrate FEATURE VERSION, or restore into an empty database."
                    + " Nothing was changed.");
        }
        Map<String, Integer> seeded = migrations.rowsInsertedByMigrations();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseTables schema = DatabaseTables.read(connection);
            Map<String, JsonNode> backupTables = new LinkedHashMap<>();
            archive.manifest().path("tables").forEach(t -> backupTables.put(t.get("name").asString(), t));
            checkSameTables(schema, backupTables);
            if (!force) {
                refuseContent(connection, schema, seeded);
            }
            Path incoming = extractMedia(archive);
            try {
                long rows = replaceRows(connection, schema, archive, backupTables, progress);
                swapMedia(incoming);
                int media = archive.entries("media/").size();
                return new Summary(backupTables.size(), rows, media, Files.size(archive.path()), Duration.between(started, Instant.now()));
            } finally {
                deleteTree(incoming);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The restore failed and was rolled back, so the database is as it was: " + firstLine(e.getMessage()));
        }
    }

    private static void checkSameTables(DatabaseTables schema, Map<String, JsonNode> backupTables) {
        Set<String> here = schema.tables().stream().map(DatabaseTables.Table::key).collect(Collectors.toCollection(TreeSet::new));
        if (!here.equals(new TreeSet<>(backupTables.keySet()))) {
            throw new RefusedException("This database's tables differ from the backup's (here: " + here + "; backup: "
                    + new TreeSet<>(backupTables.keySet()) + "). Nothing was changed.");
        }
        for (DatabaseTables.Table table : schema.tables()) {
            Set<String> columns = new TreeSet<>();
            backupTables.get(table.key()).path("columns").forEach(c -> columns.add(c.get("name").asString()));
            Set<String> ours = table.columns().stream().map(DatabaseTables.Column::key).collect(Collectors.toCollection(TreeSet::new));
            if (!columns.equals(ours)) {
                throw new RefusedException("The table " + table.key() + " has columns " + ours + " here but " + columns
                        + " in the backup. Nothing was changed.");
            }
        }
    }

    private void refuseContent(Connection connection, DatabaseTables schema, Map<String, Integer> seeded) throws SQLException, IOException {
        List<String> content = new ArrayList<>();
        for (DatabaseTables.Table table : schema.tables()) {
            if (table.key().equals("databasechangelog")) {
                continue;
            }
            long count = count(connection, schema, table);
            if (count > seeded.getOrDefault(table.key(), 0)) {
                content.add(table.key() + " has " + count + (count == 1 ? " row" : " rows"));
            }
        }
        if (Files.isDirectory(mediaDir)) {
            try (Stream<Path> files = Files.walk(mediaDir)) {
                long mediaFiles = files.filter(Files::isRegularFile).count();
                if (mediaFiles > 0) {
                    content.add(mediaDir + " has " + mediaFiles + " files");
                }
            }
        }
        if (!content.isEmpty()) {
            throw new RefusedException("This site is not empty (" + String.join(", ", content)
                    + "): restoring replaces all of it; run floe restore --force to do that. Nothing was changed.");
        }
    }

    /** Deletes every row and inserts the archive's, in one transaction; resets identities so new rows get fresh ids. */
    private long replaceRows(Connection connection, DatabaseTables schema, BackupArchive.Reader archive,
                             Map<String, JsonNode> backupTables, PrintStream progress) throws SQLException, IOException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        connection.setAutoCommit(false);
        long total = 0;
        try {
            List<DatabaseTables.Table> tables = schema.tables();
            try (Statement statement = connection.createStatement()) {
                for (DatabaseTables.Table table : tables.reversed()) {
                    for (DatabaseTables.SelfReference self : table.selfReferences()) {
                        if (self.column().nullable()) {
                            statement.executeUpdate("UPDATE " + schema.qualified(table) + " SET " + schema.quoted(self.column().name()) + " = NULL");
                        }
                    }
                    statement.executeUpdate("DELETE FROM " + schema.qualified(table));
                }
            }
            for (DatabaseTables.Table table : tables) {
                JsonNode described = backupTables.get(table.key());
                long rows = insertRows(connection, schema, table, archive, described.get("entry").asString());
                long expected = described.get("rows").asLong();
                if (rows != expected || count(connection, schema, table) != expected) {
                    throw new SQLException("the table " + table.key() + " should have " + expected + " rows but has " + rows);
                }
                total += rows;
                progress.printf(Locale.ROOT, "  %-28s %,10d rows%n", table.key(), rows);
            }
            if (postgres) {
                resetIdentities(connection, schema, true);
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        if (!postgres) {
            // H2 commits on ALTER TABLE, so identities are reset once the rows are in.
            resetIdentities(connection, schema, false);
        }
        return total;
    }

    private static long insertRows(Connection connection, DatabaseTables schema, DatabaseTables.Table table,
                                   BackupArchive.Reader archive, String entry) throws SQLException, IOException {
        List<DatabaseTables.Column> columns = table.columns();
        Set<DatabaseTables.Column> deferred = new HashSet<>();
        table.selfReferences().stream().filter(s -> s.column().nullable() && table.primaryKey().size() == 1)
                .forEach(s -> deferred.add(s.column()));
        String sql = "INSERT INTO " + schema.qualified(table) + " ("
                + columns.stream().map(c -> schema.quoted(c.name())).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        List<JsonNode[]> laterLinks = new ArrayList<>();
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql);
             BufferedReader in = new BufferedReader(new InputStreamReader(archive.open(entry), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode row = BackupArchive.JSON.readTree(line);
                for (int i = 0; i < columns.size(); i++) {
                    DatabaseTables.Column column = columns.get(i);
                    JsonNode value = row.get(column.key());
                    if (deferred.contains(column) && value != null && !value.isNull()) {
                        laterLinks.add(new JsonNode[] {row.get(table.primaryKey().getFirst().key()), value});
                        value = null;
                    }
                    RowValues.bind(insert, i + 1, column, value);
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        for (DatabaseTables.Column column : deferred) {
            linkRows(connection, schema, table, column, laterLinks);
        }
        return rows;
    }

    /** Sets a table's references to its own rows once all of them exist, since a child may precede its parent. */
    private static void linkRows(Connection connection, DatabaseTables schema, DatabaseTables.Table table,
                                 DatabaseTables.Column column, List<JsonNode[]> links) throws SQLException {
        DatabaseTables.Column key = table.primaryKey().getFirst();
        String sql = "UPDATE " + schema.qualified(table) + " SET " + schema.quoted(column.name()) + " = ? WHERE " + schema.quoted(key.name()) + " = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int pending = 0;
            for (JsonNode[] link : links) {
                RowValues.bind(update, 1, column, link[1]);
                RowValues.bind(update, 2, key, link[0]);
                update.addBatch();
                if (++pending % BATCH == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void resetIdentities(Connection connection, DatabaseTables schema, boolean postgres) throws SQLException {
        for (DatabaseTables.Table table : schema.tables()) {
            if (table.identity().isEmpty()) {
                continue;
            }
            String column = table.identity().get().name();
            long next;
            try (Statement statement = connection.createStatement();
                 ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(" + schema.quoted(column) + "), 0) + 1 FROM " + schema.qualified(table))) {
                max.next();
                next = max.getLong(1);
            }
            if (postgres) {
                try (PreparedStatement setval = connection.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?, false)")) {
                    setval.setString(1, schema.qualified(table));
                    setval.setString(2, column);
                    setval.setLong(3, next);
                    setval.execute();
                }
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE " + schema.qualified(table) + " ALTER COLUMN " + schema.quoted(column) + " RESTART WITH " + next);
                }
            }
        }
    }

    private static long writeRows(Connection connection, DatabaseTables schema, DatabaseTables.Table table, OutputStream entry,
                                  Scrubbing scrubbing) throws SQLException, IOException {
        String order = table.primaryKey().isEmpty() ? ""
                : " ORDER BY " + table.primaryKey().stream().map(c -> schema.quoted(c.name())).collect(Collectors.joining(", "));
        long rows = 0;
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(entry, StandardCharsets.UTF_8));
             Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + schema.qualified(table) + order)) {
                List<DatabaseTables.Column> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String name = rs.getMetaData().getColumnName(i);
                    columns.add(table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElseThrow());
                }
                while (rs.next()) {
                    ObjectNode row = JsonNodeFactory.instance.objectNode();
                    for (int i = 0; i < columns.size(); i++) {
                        row.set(columns.get(i).key(), RowValues.read(rs, i + 1, columns.get(i)));
                    }
                    if (scrubbing != null) {
                        scrubbing.scrub(table.key(), row);
                    }
                    out.write(BackupArchive.JSON.writeValueAsString(row));
                    out.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    private int writeMedia(BackupArchive.Writer archive) throws IOException {
        if (!Files.isDirectory(mediaDir)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(mediaDir)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path media : files) {
            String name = "media/" + mediaDir.relativize(media).toString().replace('\\', '/');
            try (OutputStream out = archive.entry(name)) {
                Files.copy(media, out);
            }
        }
        return files.size();
    }

    /** Unpacks the archive's media beside the media folder, ready to swap in. */
    private Path extractMedia(BackupArchive.Reader archive) throws IOException {
        Path parent = mediaDir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path incoming = Files.createTempDirectory(parent, ".media-restoring-");
        for (String entry : archive.entries("media/").keySet()) {
            Path target = incoming.resolve(entry.substring("media/".length())).normalize();
            if (!target.startsWith(incoming)) {
                throw new RefusedException("The backup holds " + entry + ", which points outside the media folder. Nothing was changed.");
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = archive.open(entry)) {
                Files.copy(in, target);
            }
        }
        return incoming;
    }

    private void swapMedia(Path incoming) throws IOException {
        Path old = null;
        if (Files.exists(mediaDir)) {
            old = mediaDir.resolveSibling(".media-replaced-" + System.nanoTime());
            Files.move(mediaDir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(incoming, mediaDir, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void consistentReadOnly(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        connection.setAutoCommit(false);
        // One snapshot of every table: PostgreSQL's repeatable read; H2's serializable (its snapshot isolation).
        connection.setTransactionIsolation(postgres ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_SERIALIZABLE);
        connection.setReadOnly(true);
    }

    private static ArrayNode appliedChanges(Connection connection, DatabaseTables schema) throws SQLException {
        ArrayNode changes = JsonNodeFactory.instance.arrayNode();
        var changelog = schema.table("databasechangelog");
        if (changelog.isPresent()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT " + schema.quoted(changelog.get().column("id").orElseThrow().name())
                         + " FROM " + schema.qualified(changelog.get()) + " ORDER BY " + schema.quoted(changelog.get().column("orderexecuted").orElseThrow().name()))) {
                while (rs.next()) {
                    changes.add(rs.getString(1));
                }
            }
        }
        return changes;
    }

    private static Map<String, Long> users(Connection connection, DatabaseTables schema) throws SQLException {
        Map<String, Long> users = new LinkedHashMap<>();
        var table = schema.table(Scrubbing.usersTable());
        if (table.isPresent()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT " + schema.quoted(table.get().column("id").orElseThrow().name()) + ", "
                         + schema.quoted(table.get().column("email").orElseThrow().name()) + " FROM " + schema.qualified(table.get()))) {
                while (rs.next()) {
                    users.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return users;
    }

    private static long count(Connection connection, DatabaseTables schema, DatabaseTables.Table table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + schema.qualified(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String difference(Set<String> applied, List<String> backup) {
        List<String> parts = new ArrayList<>();
        List<String> onlyHere = applied.stream().filter(id -> !backup.contains(id)).sorted().toList();
        List<String> onlyThere = backup.stream().filter(id -> !applied.contains(id)).toList();
        if (!onlyHere.isEmpty()) {
            parts.add("only here: " + String.join(", ", onlyHere));
        }
        if (!onlyThere.isEmpty()) {
            parts.add("only in the backup: " + String.join(", ", onlyThere));
        }
        return String.join("; ", parts);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
