package dev.floe.ops;

import dev.floe.config.FloeContext;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe migrate}: applies pending schema changes once, under Liquibase's database lock. */
@Command(name = "migrate", description = "Apply pending database migrations (--plan prints the SQL and changes nothing).")
public class MigrateCommand implements Callable<Integer> {

    @Option(names = "--plan", description = "Print the SQL that would run; change nothing.")
    boolean plan;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = FloeContext.start(false, null, "spring.liquibase.enabled=false")) {
            Migrations migrations = context.getBean(Migrations.class);
            if (plan) {
                System.out.print(migrations.plan());
                return 0;
            }
            int applied = migrations.migrate();
            System.out.println(applied == 0 ? "No migrations to apply." : "Applied " + applied + " migration" + (applied == 1 ? "." : "s."));
            return 0;
        }
    }
}
