package dev.floe.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.CreateViewChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RemoveChangeSetRanStatusStatement;

/**
 * One changeset of a feature's changelog: {@code pages-0002-home-page} is version 2 of the {@code pages} feature.
 * It knows which tables and columns it creates and which it relies on, so that reversing one feature's change can
 * be refused when another feature's change still needs what it made.
 */
record SchemaChange(ChangeSet changeSet, String feature, int version) {

    private static final Pattern ID = Pattern.compile("([a-z][a-z0-9_]*)-([0-9]{4})-.+");

    static SchemaChange of(ChangeSet changeSet) {
        Matcher id = ID.matcher(changeSet.getId());
        String labels = changeSet.getLabels() == null ? "" : changeSet.getLabels().toString().trim();
        String feature = !labels.isEmpty() ? labels : id.matches() ? id.group(1) : "-";
        return new SchemaChange(changeSet, feature, id.matches() ? Integer.parseInt(id.group(2)) : 0);
    }

    String id() {
        return changeSet.getId();
    }

    /** Tables (as {@code table}) and columns (as {@code table.column}) this change brings into being, lower case. */
    Set<String> creates() {
        Set<String> created = new LinkedHashSet<>();
        for (Change change : changeSet.getChanges()) {
            switch (change) {
                case CreateTableChange table -> created.add(name(table.getTableName()));
                case CreateViewChange view -> created.add(name(view.getViewName()));
                case RenameTableChange rename -> created.add(name(rename.getNewTableName()));
                case AddColumnChange add -> {
                    for (AddColumnConfig column : add.getColumns()) {
                        created.add(name(add.getTableName()) + "." + name(column.getName()));
                    }
                }
                case RenameColumnChange rename -> created.add(name(rename.getTableName()) + "." + name(rename.getNewColumnName()));
                default -> {
                    // other changes alter what exists rather than make something new
                }
            }
        }
        return created;
    }

    /** Tables and columns made elsewhere that this change refers to (foreign keys, indexes, added columns). */
    Set<String> uses() {
        Set<String> used = new LinkedHashSet<>();
        for (Change change : changeSet.getChanges()) {
            switch (change) {
                case CreateTableChange table -> {
                    for (ColumnConfig column : table.getColumns()) {
                        referenced(column.getConstraints(), used);
                    }
                }
                case AddColumnChange add -> {
                    used.add(name(add.getTableName()));
                    for (AddColumnConfig column : add.getColumns()) {
                        referenced(column.getConstraints(), used);
                    }
                }
                case AddForeignKeyConstraintChange fk -> {
                    columns(fk.getBaseTableName(), fk.getBaseColumnNames(), used);
                    columns(fk.getReferencedTableName(), fk.getReferencedColumnNames(), used);
                }
                case CreateIndexChange index -> {
                    used.add(name(index.getTableName()));
                    for (ColumnConfig column : index.getColumns()) {
                        used.add(name(index.getTableName()) + "." + name(column.getName()));
                    }
                }
                case AddUniqueConstraintChange unique -> columns(unique.getTableName(), unique.getColumnNames(), used);
                case RenameColumnChange rename -> used.add(name(rename.getTableName()) + "." + name(rename.getOldColumnName()));
                case RenameTableChange rename -> used.add(name(rename.getOldTableName()));
                default -> {
                    // raw SQL and data changes are not analysed
                }
            }
        }
        used.removeAll(creates());
        used.removeIf(object -> creates().contains(object.substring(0, Math.max(0, object.indexOf('.')))));
        return used;
    }

    /** Whether this change relies on {@code object} ({@code table} or {@code table.column}) that another made. */
    boolean dependsOn(String object) {
        return uses().stream().anyMatch(used -> used.equals(object) || used.startsWith(object + "."));
    }

    /** Why this change cannot be reversed, if it cannot: it declares no rollback and one of its changes has no automatic reverse. */
    Optional<String> whyIrreversible(Database database) {
        if (!changeSet.getRollback().getChanges().isEmpty()) {
            return Optional.empty();
        }
        for (Change change : changeSet.getChanges()) {
            if (!change.supportsRollback(database)) {
                String name = change.createChangeMetaData().getName();
                return Optional.of(id() + " cannot be reversed: it declares no rollback and its " + name
                        + " change has no automatic reverse");
            }
        }
        return Optional.empty();
    }

    /** The SQL that reverses this change and removes it from the changelog table, in the order to run it. */
    List<String> reverseSql(Database database) throws RollbackImpossibleException {
        List<SqlStatement> statements = new ArrayList<>();
        List<Change> rollback = changeSet.getRollback().getChanges();
        if (!rollback.isEmpty()) {
            for (Change change : rollback) {
                statements.addAll(List.of(change.generateStatements(database)));
            }
        } else {
            List<Change> changes = new ArrayList<>(changeSet.getChanges());
            java.util.Collections.reverse(changes);
            for (Change change : changes) {
                statements.addAll(List.of(change.generateRollbackStatements(database)));
            }
        }
        statements.add(new RemoveChangeSetRanStatusStatement(changeSet));
        List<String> sql = new ArrayList<>();
        for (SqlStatement statement : statements) {
            for (Sql generated : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                sql.add(generated.toSql());
            }
        }
        return sql;
    }

    private static void referenced(ConstraintsConfig constraints, Set<String> used) {
        if (constraints == null) {
            return;
        }
        if (constraints.getReferencedTableName() != null) {
            columns(constraints.getReferencedTableName(), constraints.getReferencedColumnNames(), used);
        } else if (constraints.getReferences() != null) {
            // "page(id)"
            String references = constraints.getReferences();
            int open = references.indexOf('(');
            if (open < 0) {
                used.add(name(references));
            } else {
                columns(references.substring(0, open), references.substring(open + 1, references.lastIndexOf(')')), used);
            }
        }
    }

    private static void columns(String table, String columnNames, Set<String> used) {
        if (table == null) {
            return;
        }
        used.add(name(table));
        if (columnNames != null) {
            for (String column : columnNames.split(",")) {
                used.add(name(table) + "." + name(column));
            }
        }
    }

    private static String name(String identifier) {
        String bare = identifier.trim();
        int dot = bare.lastIndexOf('.');
        return (dot < 0 ? bare : bare.substring(dot + 1)).replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
