package dev.floe.accounts;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code floe createsuperuser --email E [--password-stdin]}. */
@Command(name = "createsuperuser", description = "Create a superuser (or make an existing user one and set their password).")
public class CreateSuperuserCommand implements Callable<Integer> {

    @Option(names = "--email", required = true, paramLabel = "E")
    String email;

    @Option(names = "--password-stdin", description = "Read the password from standard input (first line).")
    boolean passwordFromStdin;

    @Override
    public Integer call() throws IOException {
        String password = readPassword();
        // Refused before the database is reached: a typo should not cost an operator the context's start.
        Accounts.checkEmail(email);
        Accounts.checkPassword(password);
        try (ConfigurableApplicationContext context = FloeContext.startOnly(AccountCommands.class)) {
            FloeUser user = context.getBean(Accounts.class).createSuperuser(email, password);
            System.out.println("Superuser " + user.email() + " is ready.");
            return 0;
        }
    }

    private String readPassword() throws IOException {
        if (passwordFromStdin) {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new AccountException("No password on standard input.");
            }
            return line;
        }
        Console console = System.console();
        if (console == null) {
            throw new AccountException("No terminal to ask for a password: use --password-stdin.");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password (again): ");
        if (first == null || second == null || !new String(first).equals(new String(second))) {
            throw new AccountException("The passwords did not match.");
        }
        return new String(first);
    }
}
