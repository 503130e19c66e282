package dev.floe.ops;

import dev.floe.config.FloeContext;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;

/** {@code floe showmigrations}: each feature's changes, applied or not. */
@Command(name = "showmigrations", description = "List each feature's migrations and whether they are applied.")
public class ShowMigrationsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = FloeContext.startOnly(DatabaseCommands.class)) {
            String feature = null;
            for (Migrations.Change change : context.getBean(Migrations.class).status()) {
                if (!change.feature().equals(feature)) {
                    feature = change.feature();
                    System.out.println(feature);
                }
                System.out.println("  [" + (change.applied() ? "X" : " ") + "] " + change.id());
            }
            return 0;
        }
    }
}
