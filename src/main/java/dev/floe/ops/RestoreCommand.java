package dev.floe.ops;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import dev.floe.config.MailAndMediaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code floe restore FILE [--force]}: verifies a backup, then replaces the database's rows and the media with it. */
@Command(name = "restore", description = "Verify a backup's checksums, then replace the database's rows (in one "
        + "transaction) and the media folder with it. Refuses a site with content unless --force.")
public class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "An archive written by floe backup.")
    Path file;

    @Option(names = "--force", description = "Replace a site that has content.")
    boolean force;

    @Override
    public Integer call() {
        // Restoring into an empty database migrates it first: one process at a time, as floe migrate does.
        try (MigrationGate gate = MigrationGate.enter(FloeContext.checkEnvironment(null).database());
             ConfigurableApplicationContext context = FloeContext.startOnly(DatabaseCommands.class)) {
            System.out.println("Restoring " + file + ":");
            Backups.Summary summary = context.getBean(Backups.class).restore(file, force, System.out);
            System.out.printf(Locale.ROOT, "Restored %s from %s in %.1f s. Restart running instances so they see it.%n",
                    summary.describe(), file, summary.took().toMillis() / 1000.0);
            MailAndMediaSettings.from(context.getEnvironment()::getProperty).s3().ifPresent(s3 -> System.out.println(
                    "Media are in the S3 bucket '" + s3.bucket() + "', which a restore leaves as it is: restore the"
                    + " bucket with the store's own tools to match."));
            return 0;
        }
    }
}
