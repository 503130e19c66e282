package dev.floe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real single-node OpenSearch 2.19 in its own JVM (scripts/opensearch.sh, jars from Maven Central), on a free
 * loopback port. It can be stopped and started again on the same port and data, and dies with the test JVM.
 */
public final class OpenSearchTestNode {

    private final Path dir;
    private final int port;
    private boolean running;

    private OpenSearchTestNode(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    private static OpenSearchTestNode shared;

    /**
     * The address of a node that test classes share and never stop: the suite's own (ELASTICSEARCH_ADDRESS, when it
     * runs against the real services), or else one started for this JVM. A test class with a database of its own
     * gets index names of its own (SearchConfiguration names them per database in the test settings), so classes
     * sharing the node never see each other's documents. Starting a node takes longer than most test classes run.
     */
    public static synchronized String sharedAddress() {
        String suites = System.getenv("ELASTICSEARCH_ADDRESS");
        if (suites != null && !suites.isBlank()) {
            return suites;
        }
        if (shared == null) {
            shared = start();
        }
        return shared.address();
    }

    public static OpenSearchTestNode start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            OpenSearchTestNode node = new OpenSearchTestNode(newTestFolder("opensearch-"), port);
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
            node.startAgain();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Points a test class's context at the search server at {@code address}, with a var folder and embedded H2
     * database of its own in {@code varDir}, so that its outbox and index names are its own.
     */
    public static void registerOwnDatabase(DynamicPropertyRegistry registry, String address, Path varDir) {
        registry.add("ELASTICSEARCH_ADDRESS", () -> address);
        registry.add("FLOE_VAR_DIR", varDir::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + varDir.resolve("db/floe") + ";AUTO_SERVER=TRUE");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    /** A new folder under the tests' var root ({@code floe.test.var}). */
    public static Path newTestFolder(String prefix) {
        try {
            Path root = Path.of(System.getProperty("floe.test.var", "target/test-var")).toAbsolutePath();
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void startAgain() {
        if (!running) {
            run("start", dir.toString(), String.valueOf(port));
            running = true;
        }
    }

    synchronized void stop() {
        run("stop", dir.toString());
        running = false;
    }

    private static void run(String... args) {
        Path script = Path.of("scripts", "opensearch.sh").toAbsolutePath();
        try {
            ProcessBuilder builder = new ProcessBuilder(concat(script.toString(), args)).redirectErrorStream(true);
            builder.environment().put("FLOE_OPENSEARCH_OWNER", String.valueOf(ProcessHandle.current().pid()));
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("scripts/opensearch.sh " + String.join(" ", args) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
