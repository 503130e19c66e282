package dev.floe.ops;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.ChangeSetStatus;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.H2Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * The database's schema changes, kept per feature in {@code db/changelog/<feature>/} and labelled with the
 * feature's name. Everything that changes the schema runs under Liquibase's database lock, so concurrent runs
 * never apply or reverse a change twice.
 */
@Service
public class Migrations {

    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

    private static final Pattern VERSIONED_ID = Pattern.compile("([a-z][a-z0-9_]*)-([0-9]{4})-.+");

    private final DataSource dataSource;
    private final String changelog;

    @Autowired
    Migrations(DataSource dataSource) {
        this(dataSource, CHANGELOG);
    }

    Migrations(DataSource dataSource, String changelog) {
        this.dataSource = dataSource;
        this.changelog = changelog;
    }

    /** One change and whether it has been applied. */
    public record Change(String feature, String id, boolean applied) {
    }

    public List<Change> status() {
        return withLiquibase(liquibase -> {
            List<Change> changes = new ArrayList<>();
            for (ChangeSetStatus status : liquibase.getChangeSetStatuses(new Contexts(), new LabelExpression())) {
                SchemaChange change = SchemaChange.of(status.getChangeSet());
                changes.add(new Change(change.feature(), change.id(), !status.getWillRun()));
            }
            return changes;
        });
    }

    public boolean isCurrent() {
        return status().stream().allMatch(Change::applied);
    }

    /** Changes the database has applied that this release does not know: it was migrated by a newer release. */
    public List<String> unknownApplied() {
        return withLiquibase(liquibase -> {
            List<ChangeSet> known = liquibase.getDatabaseChangeLog().getChangeSets();
            return history(liquibase.getDatabase()).getRanChangeSets().stream()
                    .filter(ran -> known.stream().noneMatch(ran::isSameAs))
                    .map(RanChangeSet::getId)
                    .toList();
        });
    }

    /** Applies every pending change; returns how many this run applied (others may have applied the rest). */
    public int migrate() {
        return applyPending().size();
    }

    /** Applies every pending change; returns the ids this run applied, in order. */
    List<String> applyPending() {
        return withLiquibase(liquibase -> underLock(liquibase.getDatabase(), () -> {
            List<String> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                    .map(ChangeSet::getId).toList();
            if (!pending.isEmpty()) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            return pending;
        }));
    }

    /** The ids of the changes this database has applied, in the order they were applied. */
    List<String> appliedIds() {
        return withLiquibase(liquibase -> history(liquibase.getDatabase()).getRanChangeSets().stream()
                .sorted(Comparator.comparing(RanChangeSet::getOrderExecuted))
                .map(RanChangeSet::getId)
                .toList());
    }

    /** The ids of every change this release knows, in changelog order. */
    List<String> knownIds() {
        return withLiquibase(liquibase -> liquibase.getDatabaseChangeLog().getChangeSets().stream().map(ChangeSet::getId).toList());
    }

    /** How many rows the applied changes themselves insert into each table (such as the home page): not content. */
    Map<String, Integer> rowsInsertedByMigrations() {
        return withLiquibase(liquibase -> {
            List<RanChangeSet> ran = history(liquibase.getDatabase()).getRanChangeSets();
            Map<String, Integer> rows = new HashMap<>();
            for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
                if (ran.stream().anyMatch(r -> r.isSameAs(changeSet))) {
                    for (liquibase.change.Change change : changeSet.getChanges()) {
                        if (change instanceof liquibase.change.core.InsertDataChange insert) {
                            rows.merge(insert.getTableName().toLowerCase(Locale.ROOT), 1, Integer::sum);
                        }
                    }
                }
            }
            return rows;
        });
    }

    /** Applies exactly the given changes of this release, feature by feature in changelog order. */
    void migrateTo(List<String> changeIds) {
        List<String> known = knownIds();
        if (new HashSet<>(known).equals(new HashSet<>(changeIds))) {
            migrate();
            return;
        }
        Map<String, Integer> versions = new LinkedHashMap<>();
        for (Change change : status()) {
            versions.putIfAbsent(change.feature(), 0);
            Matcher id = VERSIONED_ID.matcher(change.id());
            if (changeIds.contains(change.id()) && id.matches()) {
                versions.merge(change.feature(), Integer.parseInt(id.group(2)), Math::max);
            }
        }
        versions.forEach((feature, version) -> {
            if (version > 0) {
                migrateFeature(feature, version);
            }
        });
    }

    /** Runs {@code work} while holding the database lock that migrations take, so none runs meanwhile. */
    <T> T whileLocked(Callable<T> work) {
        return withLiquibase(liquibase -> underLock(liquibase.getDatabase(), () -> {
            try {
                return work.call();
            } catch (RuntimeException | SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
    }

    /** The SQL that {@link #migrate()} would run, changing nothing. */
    public String plan() {
        return withLiquibase(liquibase -> {
            StringWriter sql = new StringWriter();
            liquibase.update(new Contexts(), new LabelExpression(), sql);
            return sql.toString();
        });
    }

    /** What bringing {@code feature} to {@code version} (null: its latest) would run, changing nothing. */
    FeatureMigration planFeature(String feature, Integer version) {
        return withLiquibase(liquibase -> planFeature(liquibase, feature, version, true));
    }

    /**
     * Brings one feature to {@code version} (null: its latest): reverses its applied changes above it, all in one
     * transaction (on H2, which commits schema changes at once, by restoring a snapshot on failure), then applies
     * its pending changes up to it. Everything is checked before anything runs.
     */
    FeatureMigration migrateFeature(String feature, Integer version) {
        return withLiquibase(liquibase -> underLock(liquibase.getDatabase(), () -> {
            FeatureMigration migration = planFeature(liquibase, feature, version, false);
            if (!migration.reversals().isEmpty()) {
                List<String> sql = migration.reversals().stream().flatMap(r -> r.sql().stream()).toList();
                try {
                    runAtomically(liquibase.getDatabase(), sql);
                } catch (SQLException e) {
                    // Without the cause: `floe` prints the deepest cause's message, and this sentence is the one to show.
                    throw new IllegalStateException("Reversing " + feature + " failed and was undone, so the database is as it was: "
                            + e.getMessage());
                }
                history(liquibase.getDatabase()).reset();
            }
            if (!migration.applies().isEmpty()) {
                liquibase.update(migration.applies().size(), new Contexts(), new LabelExpression(feature));
            }
            return migration;
        }));
    }

    private FeatureMigration planFeature(Liquibase liquibase, String feature, Integer version, boolean withApplySql)
            throws LiquibaseException {
        Database database = liquibase.getDatabase();
        List<SchemaChange> all = new ArrayList<>();
        for (ChangeSet changeSet : liquibase.getDatabaseChangeLog().getChangeSets()) {
            all.add(SchemaChange.of(changeSet));
        }
        Set<String> features = all.stream().map(SchemaChange::feature).collect(Collectors.toCollection(TreeSet::new));
        if (!features.contains(feature)) {
            throw new RefusedException("There is no feature '" + feature + "' with migrations; the features are "
                    + String.join(", ", features) + ".");
        }
        List<SchemaChange> mine = all.stream().filter(c -> c.feature().equals(feature)).toList();
        int latest = mine.stream().mapToInt(SchemaChange::version).max().orElse(0);
        int target = version == null ? latest : version;
        if (target > latest) {
            throw new RefusedException(feature + " has no change " + FeatureMigration.version(target)
                    + "; its latest is " + FeatureMigration.version(latest) + ".");
        }

        List<RanChangeSet> ran = history(database).getRanChangeSets();
        refuseUnknownAppliedAbove(feature, target, all, ran);
        Map<SchemaChange, RanChangeSet> applied = new LinkedHashMap<>();
        for (SchemaChange change : all) {
            ran.stream().filter(r -> r.isSameAs(change.changeSet())).findFirst().ifPresent(r -> applied.put(change, r));
        }

        List<SchemaChange> toReverse = mine.stream()
                .filter(c -> c.version() > target && applied.containsKey(c))
                .sorted(Comparator.comparing((SchemaChange c) -> applied.get(c).getOrderExecuted()).reversed())
                .toList();
        List<SchemaChange> toApply = mine.stream().filter(c -> c.version() <= target && !applied.containsKey(c)).toList();

        refuseIrreversible(toReverse, database);
        refuseBreakingOthers(toReverse, applied.keySet());
        refuseMissingPrerequisites(toApply, all, applied.keySet());

        List<FeatureMigration.Reversal> reversals = new ArrayList<>();
        for (SchemaChange change : toReverse) {
            reversals.add(new FeatureMigration.Reversal(change.id(), change.reverseSql(database)));
        }
        String applySql = "";
        if (withApplySql && !toApply.isEmpty()) {
            StringWriter sql = new StringWriter();
            liquibase.update(toApply.size(), new Contexts(), new LabelExpression(feature), sql);
            applySql = sql.toString();
        }
        return new FeatureMigration(feature, target, reversals, toApply.stream().map(SchemaChange::id).toList(), applySql);
    }

    private static void refuseUnknownAppliedAbove(String feature, int target, List<SchemaChange> known, List<RanChangeSet> ran) {
        for (RanChangeSet change : ran) {
            Matcher id = VERSIONED_ID.matcher(change.getId());
            boolean unknown = known.stream().noneMatch(c -> change.isSameAs(c.changeSet()));
            if (unknown && id.matches() && id.group(1).equals(feature) && Integer.parseInt(id.group(2)) > target) {
                throw new RefusedException(change.getId() + " is applied but this release does not know it: "
                        + "reverse it with the release that added it (floe migrate " + feature + " "
                        + FeatureMigration.version(target) + "), then deploy this one. Nothing was changed.");
            }
        }
    }

    private static void refuseIrreversible(List<SchemaChange> toReverse, Database database) {
        List<String> reasons = toReverse.stream().flatMap(c -> c.whyIrreversible(database).stream()).toList();
        if (!reasons.isEmpty()) {
            throw new RefusedException(String.join("; ", reasons) + ". Nothing was changed.");
        }
    }

    /** A change of another feature that stays applied must not lose a table or column it relies on. */
    private static void refuseBreakingOthers(List<SchemaChange> toReverse, Set<SchemaChange> applied) {
        for (SchemaChange reversed : toReverse) {
            Map<SchemaChange, Set<String>> broken = new LinkedHashMap<>();
            for (SchemaChange other : applied) {
                if (toReverse.contains(other)) {
                    continue;
                }
                for (String object : reversed.creates()) {
                    if (other.dependsOn(object)) {
                        broken.computeIfAbsent(other, k -> new LinkedHashSet<>()).add(object);
                    }
                }
            }
            if (!broken.isEmpty()) {
                Set<String> objects = broken.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(LinkedHashSet::new));
                String dependents = inWords(broken.keySet().stream().map(c -> c.id() + " (" + c.feature() + ")").toList());
                String commands = broken.keySet().stream()
                        .map(c -> "floe migrate " + c.feature() + " " + FeatureMigration.version(c.version() - 1))
                        .distinct().collect(Collectors.joining(", "));
                throw new RefusedException("Reversing " + reversed.id() + " would break " + dependents
                        + ", which " + (broken.size() == 1 ? "uses " : "use ") + String.join(", ", objects)
                        + "; reverse " + (broken.size() == 1 ? "it" : "them") + " first (" + commands + "). Nothing was changed.");
            }
        }
    }

    /** A change applied on its own must not need a table or column that another feature's pending change makes. */
    private static void refuseMissingPrerequisites(List<SchemaChange> toApply, List<SchemaChange> all, Set<SchemaChange> applied) {
        for (SchemaChange change : toApply) {
            for (SchemaChange other : all) {
                if (applied.contains(other) || toApply.contains(other)) {
                    continue;
                }
                for (String object : other.creates()) {
                    if (change.dependsOn(object)) {
                        throw new RefusedException(change.id() + " needs " + object + ", which " + other.id()
                                + " (" + other.feature() + ") makes and is not applied: run floe migrate "
                                + other.feature() + " first. Nothing was changed.");
                    }
                }
            }
        }
    }

    /** Runs statements as one unit: all of them, or (on failure) none. */
    private static void runAtomically(Database database, List<String> statements) throws SQLException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        // PostgreSQL undoes schema changes with the transaction; H2 commits each one at once (whatever Liquibase says).
        if (!(database instanceof H2Database)) {
            inTransaction(connection, statements);
            return;
        }
        try (H2Snapshot before = H2Snapshot.take(connection)) {
            try {
                inTransaction(connection, statements);
            } catch (SQLException | RuntimeException e) {
                try {
                    before.restore(connection);
                } catch (SQLException | RuntimeException restoreFailed) {
                    before.keep();
                    throw new IllegalStateException("Reversing failed (" + firstLine(e.getMessage()) + ") and putting the"
                            + " database back failed too (" + firstLine(restoreFailed.getMessage()) + "); the copy taken"
                            + " before is in " + before.file() + ": restore it with H2's RUNSCRIPT.");
                }
                throw e;
            }
        }
    }

    private static void inTransaction(Connection connection, List<String> statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** "a", "a and b", "a, b and c". */
    private static String inWords(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static ChangeLogHistoryService history(Database database) {
        return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
    }

    private interface LiquibaseWork<T> {
        T run(Liquibase liquibase) throws LiquibaseException, SQLException;
    }

    private interface LockedWork<T> {
        T run() throws LiquibaseException, SQLException;
    }

    /** Holds Liquibase's database lock while {@code work} runs; Liquibase's own update takes it again and lets go. */
    private static <T> T underLock(Database database, LockedWork<T> work) throws LiquibaseException, SQLException {
        LockService lock = LockServiceFactory.getInstance().getLockService(database);
        lock.waitForLock();
        try {
            return work.run();
        } finally {
            if (lock.hasChangeLogLock()) {
                lock.releaseLock();
            }
        }
    }

    private <T> T withLiquibase(LiquibaseWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()), database);
            // Liquibase would print each change and a summary table on the console; callers say what happened instead.
            Map<String, Object> quiet = Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.command.showSummaryOutput", UpdateSummaryOutputEnum.LOG);
            return Scope.child(quiet, () -> work.run(liquibase));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        } catch (LiquibaseException e) {
            throw new IllegalStateException("migration failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("migration failed: " + e.getMessage(), e);
        }
    }
}
