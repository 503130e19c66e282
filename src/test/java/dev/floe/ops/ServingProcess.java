package dev.floe.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.floe.support.Api;
import dev.floe.support.FloeJvm;

/** {@code floe serve} in its own JVM, as a container runs it: configured by environment, stopped by a signal. */
final class ServingProcess implements AutoCloseable {

    private final Process process;
    private final Path output;
    final int port;
    final Api api;

    private ServingProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
        this.api = new Api(port, null);
    }

    /** Starts {@code floe serve} with only the given environment (plus PATH and JAVA_HOME) and waits until it is ready. */
    static ServingProcess start(Map<String, String> env, String... systemProperties) throws IOException {
        ServingProcess serving = launch(env, systemProperties);
        serving.await(Duration.ofSeconds(90), () -> serving.status("/-/health/ready") == 200, "to become ready");
        return serving;
    }

    /** Starts {@code floe serve} like {@link #start} but returns at once. */
    static ServingProcess launch(Map<String, String> env, String... systemProperties) throws IOException {
        List<String> properties = new ArrayList<>();
        for (String property : systemProperties) {
            properties.add("-D" + property);
        }
        return launch(env, properties, "serve");
    }

    /** Starts {@code floe serve} with these JVM options (a heap size, say) and waits until it is ready. */
    static ServingProcess start(Map<String, String> env, List<String> jvmOptions) throws IOException {
        return start(env, jvmOptions, "serve");
    }

    /** Starts {@code floe COMMAND} ({@code serve} or {@code demo}) and waits until it is ready. */
    static ServingProcess start(Map<String, String> env, List<String> jvmOptions, String command) throws IOException {
        ServingProcess serving = launch(env, jvmOptions, command);
        serving.await(Duration.ofSeconds(90), () -> serving.status("/-/health/ready") == 200, "to become ready");
        return serving;
    }

    private static ServingProcess launch(Map<String, String> env, List<String> jvmOptions, String floeCommand) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = FloeJvm.command(jvmOptions, List.of(floeCommand));
        Path output = Files.createTempFile("floe-serve", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("JAVA_HOME") && !name.equals("HOME"));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().putAll(env);
        return new ServingProcess(builder.start(), output, port);
    }

    int status(String path) {
        try {
            return api.get(path).status();
        } catch (RuntimeException notAnswering) {
            return 0;
        }
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code docker stop} and Kubernetes send. */
    void terminate() {
        process.destroy();
    }

    int exitCode(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("floe serve did not exit within " + within + "; output:\n" + output());
        }
        return process.exitValue();
    }

    void await(Duration within, BooleanSupplier condition, String what) {
        await(within, Duration.ofMillis(100), condition, what);
    }

    void await(Duration within, Duration interval, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("floe serve did not manage " + what + " within " + within + "; output:\n" + output());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(output);
    }
}
