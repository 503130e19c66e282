package dev.floe.ops;

import java.math.BigDecimal;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table of a database, read with plain JDBC and put in a form that compares equal across H2 and
 * PostgreSQL (numbers as decimals, times as instants, text as strings), for round-trip assertions.
 */
final class TableRows {

    private TableRows() {
    }

    static Map<String, List<Map<String, Object>>> of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String name : names) {
            if (DatabaseTables.RUNTIME_TABLES.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            String quote = meta.getIdentifierQuoteString();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM " + quote + connection.getSchema() + quote + "." + quote + name + quote)) {
                ResultSetMetaData columns = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnName(i).toLowerCase(Locale.ROOT), normal(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
            rows.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            tables.put(name.toLowerCase(Locale.ROOT), rows);
        }
        return tables;
    }

    private static Object normal(Object value) throws SQLException {
        return switch (value) {
            case null -> null;
            case Clob clob -> clob.getSubString(1, (int) clob.length());
            case Number number -> new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            case OffsetDateTime time -> time.toInstant();
            case Timestamp time -> time.toInstant();
            case byte[] bytes -> HexFormat.of().formatHex(bytes);
            default -> value;
        };
    }

    /** Row counts per table, for messages. */
    static Map<String, Integer> counts(Map<String, List<Map<String, Object>>> tables) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tables.forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }
}
