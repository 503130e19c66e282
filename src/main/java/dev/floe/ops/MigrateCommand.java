package dev.floe.ops;

import dev.floe.config.DatabaseSettings;
import dev.floe.config.FloeContext;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code floe migrate [FEATURE [VERSION|zero]] [--plan]}: applies pending schema changes once, under the database
 * lock; with a feature and a version, reverses that feature's later changes down to the version.
 */
@Command(name = "migrate", description = "Apply pending database migrations, or bring one feature to a version "
        + "(reversing its later changes). --plan prints the SQL and changes nothing.")
public class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FEATURE", description = "Only this feature's changes (see floe showmigrations).")
    String feature;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "The feature's version to end at, such as 0001, or zero.")
    String version;

    @Option(names = "--plan", description = "Print the SQL that would run; change nothing.")
    boolean plan;

    @Override
    public Integer call() {
        Integer target = parseVersion(version);
        DatabaseSettings database = FloeContext.checkEnvironment(null).database();
        try (MigrationGate gate = plan ? null : MigrationGate.enter(database);
             ConfigurableApplicationContext context = FloeContext.startOnly(DatabaseCommands.class)) {
            Migrations migrations = context.getBean(Migrations.class);
            if (feature == null) {
                return migrateAll(migrations);
            }
            return plan ? printPlan(migrations.planFeature(feature, target)) : report(migrations.migrateFeature(feature, target));
        }
    }

    private int migrateAll(Migrations migrations) {
        if (plan) {
            System.out.print(migrations.plan());
            return 0;
        }
        List<String> applied = migrations.applyPending();
        applied.forEach(id -> System.out.println("Applied " + id + "."));
        System.out.println(applied.isEmpty() ? "No migrations to apply."
                : "Applied " + applied.size() + " migration" + (applied.size() == 1 ? "." : "s."));
        return 0;
    }

    private static int printPlan(FeatureMigration migration) {
        if (migration.isEmpty()) {
            System.out.println("-- " + migration.feature() + " is at " + FeatureMigration.version(migration.target()) + ": nothing to do.");
        } else {
            System.out.print(migration.sql());
        }
        return 0;
    }

    private static int report(FeatureMigration migration) {
        String at = migration.feature() + " is at " + FeatureMigration.version(migration.target());
        if (migration.isEmpty()) {
            System.out.println(at + ": nothing to do.");
            return 0;
        }
        migration.reversals().forEach(r -> System.out.println("Reversed " + r.changeId() + "."));
        migration.applies().forEach(id -> System.out.println("Applied " + id + "."));
        System.out.println(at + ".");
        return 0;
    }

    private static Integer parseVersion(String version) {
        if (version == null) {
            return null;
        }
        if (version.equalsIgnoreCase("zero")) {
            return 0;
        }
        if (!version.matches("[0-9]{1,4}")) {
            throw new RefusedException("VERSION must be a number such as 0001, or zero; not '" + version + "'.");
        }
        return Integer.parseInt(version);
    }
}
