package dev.floe.ops;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of the database's current schema as read from JDBC metadata, in an order where every table comes after
 * the tables its foreign keys refer to. Names keep the database's own case ({@code PAGE} on H2, {@code page} on
 * PostgreSQL); keys are lower case, as backups store them.
 */
final class DatabaseTables {

    /** Liquibase's lock belongs to the running database, never to a copy of it. */
    static final String LOCK_TABLE = "databasechangeloglock";
    /**
     * Tables of running instances' state rather than the site's content, left out of backups and restores: Liquibase's
     * lock, and search's agents and pending index updates (after a restore, floe reindex rebuilds the index).
     */
    static final Set<String> RUNTIME_TABLES = Set.of(LOCK_TABLE, "search_agent", "search_outbox_event");

    record Column(String name, String key, int jdbcType, String typeName, boolean nullable, boolean identity) {

        boolean isTimestampWithZone() {
            return jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
                    || (jdbcType == Types.TIMESTAMP && typeName.toLowerCase(Locale.ROOT).contains("tz"));
        }
    }

    /** A foreign key from a table to itself, such as a page's parent. */
    record SelfReference(Column column, Column referenced) {
    }

    record Table(String name, String key, List<Column> columns, List<Column> primaryKey, List<SelfReference> selfReferences) {

        Optional<Column> identity() {
            return columns.stream().filter(Column::identity).findFirst();
        }

        Optional<Column> column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst();
        }
    }

    private final String schema;
    private final String quote;
    private final List<Table> tables;

    private DatabaseTables(String schema, String quote, List<Table> tables) {
        this.schema = schema;
        this.quote = quote;
        this.tables = tables;
    }

    static DatabaseTables read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, String> names = new TreeMap<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!RUNTIME_TABLES.contains(name.toLowerCase(Locale.ROOT))) {
                    names.put(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        Map<String, Table> byKey = new LinkedHashMap<>();
        Map<String, Set<String>> refersTo = new TreeMap<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String name = entry.getValue();
            List<Column> columns = columns(meta, connection.getCatalog(), schema, name);
            List<Column> primaryKey = primaryKey(meta, connection.getCatalog(), schema, name, columns);
            List<SelfReference> selfReferences = new ArrayList<>();
            Set<String> parents = new TreeSet<>();
            try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), schema, name)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (parent.equals(entry.getKey())) {
                        selfReferences.add(new SelfReference(find(columns, rs.getString("FKCOLUMN_NAME")), find(columns, rs.getString("PKCOLUMN_NAME"))));
                    } else if (names.containsKey(parent)) {
                        parents.add(parent);
                    }
                }
            }
            byKey.put(entry.getKey(), new Table(name, entry.getKey(), columns, primaryKey, selfReferences));
            refersTo.put(entry.getKey(), parents);
        }
        return new DatabaseTables(schema, meta.getIdentifierQuoteString().trim(), inDependencyOrder(byKey, refersTo));
    }

    List<Table> tables() {
        return tables;
    }

    Optional<Table> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    String qualified(Table table) {
        return quoted(schema) + "." + quoted(table.name());
    }

    String quoted(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    private static List<Table> inDependencyOrder(Map<String, Table> tables, Map<String, Set<String>> refersTo) {
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (Table table : tables.values()) {
                if (!placed.contains(table.key()) && placed.containsAll(refersTo.get(table.key()))) {
                    ordered.add(table);
                    placed.add(table.key());
                    progress = true;
                }
            }
            if (!progress) {
                List<String> stuck = tables.keySet().stream().filter(k -> !placed.contains(k)).toList();
                throw new IllegalStateException("The tables " + String.join(", ", stuck)
                        + " refer to each other in a cycle, so they cannot be copied one after another.");
            }
        }
        return ordered;
    }

    private static List<Column> columns(DatabaseMetaData meta, String catalog, String schema, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                columns.add(new Column(name, name.toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    private static List<Column> primaryKey(DatabaseMetaData meta, String catalog, String schema, String table, List<Column> columns)
            throws SQLException {
        Map<Integer, Column> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), find(columns, rs.getString("COLUMN_NAME")));
            }
        }
        return List.copyOf(key.values());
    }

    private static Column find(List<Column> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no column " + name));
    }
}
