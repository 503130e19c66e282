package dev.floe.ops;

import java.io.PrintWriter;

import dev.floe.accounts.CreateSuperuserCommand;
import dev.floe.accounts.CreateTokenCommand;
import dev.floe.config.FloeContext;
import dev.floe.config.NewSiteCommand;
import dev.floe.publishing.PublishScheduledCommand;
import dev.floe.redirects.ImportRedirectsCommand;
import dev.floe.search.ReindexCommand;
import dev.floe.staticfiles.CollectStaticCommand;
import dev.floe.staticfiles.CompressCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code floe} command line: {@code floe COMMAND}, exit 0 on success, otherwise non-zero and one line on stderr. */
// INHERIT: every command takes --help and --version too, as the usage errors' "see floe COMMAND --help" promises.
@Command(name = "floe", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = Floe.Version.class,
        description = "Floe, a content publishing platform.",
        subcommands = {ServeCommand.class, DemoCommand.class, MigrateCommand.class, ShowMigrationsCommand.class,
                BackupCommand.class, RestoreCommand.class, CheckCommand.class, SmokeCommand.class,
                CreateSuperuserCommand.class, CreateTokenCommand.class, PublishScheduledCommand.class,
                ImportRedirectsCommand.class, CollectStaticCommand.class, CompressCommand.class,
                NewSiteCommand.class, ReindexCommand.class})
public final class Floe {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Floe());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("floe: " + FloeContext.explain(e));
            return 1;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("floe: " + e.getMessage() + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return 2;
        });
        if (args.length == 0) {
            cli.usage(System.out);
            return 2;
        }
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Package pkg = Floe.class.getPackage();
            return new String[] {"floe " + (pkg.getImplementationVersion() == null ? "development" : pkg.getImplementationVersion())};
        }
    }

    private Floe() {
    }
}
