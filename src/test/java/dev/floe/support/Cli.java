package dev.floe.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code floe COMMAND} as a separate process, as an operator would next to a running instance: same database
 * (through the environment contract), its own JVM.
 */
public final class Cli {

    private Cli() {
    }

    /** What the command printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String lastLine() {
            String[] lines = stdout.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    public static Result run(Map<String, String> env, String... args) {
        return runWithInput(env, null, args);
    }

    public static Result runWithInput(Map<String, String> env, String stdin, String... args) {
        return run(List.of(), env, stdin, args);
    }

    /** With options for the command's JVM, as an operator gives them in FLOE_JAVA_OPTS. */
    public static Result run(List<String> jvmOptions, Map<String, String> env, String stdin, String... args) {
        List<String> command = FloeJvm.command(jvmOptions, List.of(args));
        try {
            Path out = Files.createTempFile("floe-cli", ".out");
            Path err = Files.createTempFile("floe-cli", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("FLOE_VAR_DIR", FloeIntegrationTest.VAR_DIR.toString());
            builder.environment().put("BASE_SETTINGS_MODULE", "test");
            builder.environment().putAll(env);
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("floe " + String.join(" ", args) + " did not finish in 120 s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
