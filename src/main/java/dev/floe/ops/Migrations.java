package dev.floe.ops;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Service;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSetStatus;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The database's schema changes, kept per feature in {@code db/changelog/<feature>/} and labelled with the
 * feature's name. Liquibase's lock table keeps concurrent runs from applying a change twice.
 */
@Service
public class Migrations {

    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private final DataSource dataSource;

    Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One change and whether it has been applied. */
    public record Change(String feature, String id, boolean applied) {
    }

    public List<Change> status() {
        return withLiquibase(liquibase -> {
            List<Change> changes = new ArrayList<>();
            for (ChangeSetStatus status : liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression())) {
                String labels = status.getChangeSet().getLabels() == null ? "" : status.getChangeSet().getLabels().toString();
                changes.add(new Change(labels.isEmpty() ? "-" : labels, status.getChangeSet().getId(), !status.getWillRun()));
            }
            return changes;
        });
    }

    public boolean isCurrent() {
        return status().stream().allMatch(Change::applied);
    }

    /** Applies every pending change; returns how many were applied. */
    public int migrate() {
        return withLiquibase(liquibase -> {
            int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            liquibase.update(new Contexts(), new LabelExpression());
            return pending;
        });
    }

    /** The SQL that {@link #migrate()} would run, changing nothing. */
    public String plan() {
        return withLiquibase(liquibase -> {
            StringWriter sql = new StringWriter();
            liquibase.update(new Contexts(), new LabelExpression(), sql);
            return sql.toString();
        });
    }

    private interface LiquibaseWork<T> {
        T run(Liquibase liquibase) throws LiquibaseException;
    }

    private <T> T withLiquibase(LiquibaseWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
            return work.run(liquibase);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        } catch (LiquibaseException e) {
            throw new IllegalStateException("migration failed: " + e.getMessage(), e);
        }
    }
}
