package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.floe.config.DatabaseSettings;
import dev.floe.config.FloeSettings;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Every schema change can be reversed: each changeset is applied, rolled back and applied again on an empty database
 * of the kind Floe runs on (H2 here, PostgreSQL when PG* is set).
 */
class MigrationsRollbackTest {

    @Test
    void everyChangesetAppliesRollsBackAndAppliesAgain() throws Exception {
        DatabaseSettings db = FloeSettings.from(System::getenv).database();
        String schema = "rollback_" + UUID.randomUUID().toString().substring(0, 8);
        String url = db.postgres() ? db.jdbcUrl() : "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, db.username(), db.password())) {
            if (db.postgres()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA " + schema);
                    statement.execute("SET search_path TO " + schema);
                }
            }
            try {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (db.postgres()) {
                    database.setDefaultSchemaName(schema);
                }
                Liquibase liquibase = new Liquibase(Migrations.CHANGELOG, new ClassLoaderResourceAccessor(), database);
                for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
                    assertThat(changeSet.getRollback().getChanges())
                            .as("changeset %s declares its rollback", changeSet.getId()).isNotEmpty();
                }

                liquibase.updateTestingRollback(new Contexts(), new LabelExpression());

                try (Statement statement = connection.createStatement();
                     ResultSet home = statement.executeQuery("SELECT count(*) FROM page WHERE path = '/'")) {
                    home.next();
                    assertThat(home.getInt(1)).as("the home page exists after apply, rollback, apply").isEqualTo(1);
                }
                liquibase.rollback(liquibase.getDatabaseChangeLog().getChangeSets().size(), null);
                try (Statement statement = connection.createStatement();
                     ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE lower(table_name) IN ('page', 'page_revision', 'floe_user', 'api_token', 'scheduled_job', 'redirect')"
                             + (db.postgres() ? " AND table_schema = '" + schema + "'" : ""))) {
                    tables.next();
                    assertThat(tables.getInt(1)).as("rolling everything back leaves no Floe table").isZero();
                }
            } finally {
                if (db.postgres()) {
                    // Liquibase turned auto-commit off on PostgreSQL; without it the drop would be rolled back on close.
                    connection.setAutoCommit(true);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                }
            }
        }
    }
}
