package dev.floe.redirects;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.config.FloeContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code floe import-redirects FILE}: all rows or none; bad rows are reported by line number. */
@Command(name = "import-redirects", description = "Import redirects from a CSV file (old_path,target[,status]); nothing is imported if any row is bad.")
public class ImportRedirectsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(file)) {
            throw new NoSuchFileException(file + " (no such file, or not readable)");
        }
        try (ConfigurableApplicationContext context = FloeContext.start(false, null);
             Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            try {
                int count = context.getBean(Redirects.class).importCsv(reader);
                System.out.println("Imported " + count + " redirect" + (count == 1 ? "." : "s."));
                return 0;
            } catch (RedirectException e) {
                e.problems().forEach(problem -> System.out.println(problem));
                System.err.println("floe: " + e.getMessage());
                return 1;
            }
        }
    }
}
