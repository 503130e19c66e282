package dev.floe.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import dev.floe.config.MailAndMediaSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code floe backup FILE [--scrub]}: the database and the media in one archive, with a checksum per entry. */
@Command(name = "backup", description = "Write the database (every table, portable between H2 and PostgreSQL) and the "
        + "media folder to one archive with a SHA-256 per entry.")
public class BackupCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The archive to write (a zip).")
    Path file;

    @Spec
    CommandSpec spec;

    @Option(names = "--scrub", description = "Leave out or mask personal data (users' emails, names, passwords; API tokens), for staging copies.")
    boolean scrub;

    @Override
    public Integer call() {
        if (Files.isDirectory(file)) {
            throw new ParameterException(spec.commandLine(), "FILE names a folder, " + file + "; give the archive's file name, such as "
                    + file.resolve("floe-backup.zip"));
        }
        try (ConfigurableApplicationContext context = FloeContext.startOnly(DatabaseCommands.class)) {
            System.out.println("Backing up to " + file + (scrub ? " (personal data scrubbed)" : "") + ":");
            Backups.Summary summary = context.getBean(Backups.class).backup(file, scrub, System.out);
            System.out.printf(Locale.ROOT, "Backed up %s to %s (%,d bytes) in %.1f s.%n", summary.describe(), file,
                    summary.archiveBytes(), summary.took().toMillis() / 1000.0);
            MailAndMediaSettings.from(context.getEnvironment()::getProperty).s3().ifPresent(s3 -> System.out.println(
                    "Media are in the S3 bucket '" + s3.bucket() + "', not in this archive: back the bucket up with the"
                            + " store's own tools (versioning or replication)."));
            return 0;
        }
    }
}
