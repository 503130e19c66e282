package dev.floe.config;

import java.nio.file.Path;

/** Where the database is: PostgreSQL when any {@code PG*} variable is set, otherwise the embedded H2 file. */
public record DatabaseSettings(String jdbcUrl, String username, String password, boolean postgres) {

    static DatabaseSettings embedded(Path varDir) {
        Path file = varDir.resolve("db").resolve("floe").toAbsolutePath();
        // AUTO_SERVER lets `floe` commands open the database while `floe serve` holds it, as operators do in a live container.
        String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
        return new DatabaseSettings(url, "sa", "", false);
    }

    static DatabaseSettings postgres(String host, int port, String database, String user, String password) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
        return new DatabaseSettings(url, user, password == null ? "" : password, true);
    }

    public String describe() {
        return postgres ? jdbcUrl : "embedded H2 (" + jdbcUrl.substring("jdbc:h2:file:".length(), jdbcUrl.indexOf(';')) + ")";
    }
}
