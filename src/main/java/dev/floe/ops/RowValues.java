package dev.floe.ops;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Column values as portable JSON: numbers and booleans as themselves, text as strings, times as ISO-8601 strings
 * (with their offset where the column keeps one), bytes as base64. Reading follows the source column's type; writing
 * follows the target column's, so a backup moves between H2 and PostgreSQL.
 */
final class RowValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RowValues() {
    }

    static JsonNode read(ResultSet rs, int index, DatabaseTables.Column column) throws SQLException {
        JsonNode value = switch (column.jdbcType()) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long number = rs.getLong(index);
                yield rs.wasNull() ? null : JSON.numberNode(number);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean flag = rs.getBoolean(index);
                yield rs.wasNull() ? null : JSON.booleanNode(flag);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                var number = rs.getBigDecimal(index);
                yield number == null ? null : JSON.numberNode(number);
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double number = rs.getDouble(index);
                yield rs.wasNull() ? null : JSON.numberNode(number);
            }
            case Types.DATE -> text(rs.getObject(index, LocalDate.class));
            case Types.TIME -> text(rs.getObject(index, LocalTime.class));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> column.isTimestampWithZone()
                    ? text(rs.getObject(index, OffsetDateTime.class))
                    : text(rs.getObject(index, LocalDateTime.class));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rs.getBytes(index);
                yield bytes == null ? null : JSON.stringNode(Base64.getEncoder().encodeToString(bytes));
            }
            default -> text(rs.getString(index));
        };
        return value == null ? JSON.nullNode() : value;
    }

    static void bind(PreparedStatement statement, int index, DatabaseTables.Column column, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(index, column.jdbcType());
            return;
        }
        switch (column.jdbcType()) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> statement.setLong(index, value.asLong());
            case Types.BOOLEAN, Types.BIT -> statement.setBoolean(index, value.asBoolean());
            case Types.DECIMAL, Types.NUMERIC -> statement.setBigDecimal(index, value.decimalValue());
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> statement.setDouble(index, value.asDouble());
            case Types.DATE -> statement.setObject(index, LocalDate.parse(value.asString()));
            case Types.TIME -> statement.setObject(index, LocalTime.parse(value.asString()));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> statement.setObject(index, column.isTimestampWithZone()
                    ? offsetDateTime(value.asString())
                    : localDateTime(value.asString()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    statement.setBytes(index, Base64.getDecoder().decode(value.asString()));
            case Types.OTHER -> statement.setObject(index, value.asString(), Types.OTHER);
            default -> statement.setString(index, value.isString() ? value.asString() : value.toString());
        }
    }

    /** A time written by a database that kept no offset is read as UTC, which is how Floe writes times. */
    private static OffsetDateTime offsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException noOffset) {
            return LocalDateTime.parse(text).atOffset(java.time.ZoneOffset.UTC);
        }
    }

    private static LocalDateTime localDateTime(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (java.time.format.DateTimeParseException withOffset) {
            return OffsetDateTime.parse(text).atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
        }
    }

    private static JsonNode text(Object value) {
        return value == null ? null : JSON.stringNode(value.toString());
    }
}
