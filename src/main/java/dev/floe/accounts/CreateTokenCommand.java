package dev.floe.accounts;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe createtoken --email E}: prints a new API token alone on the last line. */
@Command(name = "createtoken", description = "Make an API token for a user; the token is printed alone on the last line.")
public class CreateTokenCommand implements Callable<Integer> {

    @Option(names = "--email", required = true, paramLabel = "E")
    String email;

    @Option(names = "--label", paramLabel = "TEXT", description = "What the token is for.")
    String label;

    @Override
    public Integer call() {
        try (ConfigurableApplicationContext context = FloeContext.startOnly(AccountCommands.class)) {
            String token = context.getBean(Accounts.class).createToken(email, label == null ? "command line" : label);
            System.out.println("API token for " + email + " (shown once; keep it secret):");
            System.out.println(token);
            return 0;
        }
    }
}
