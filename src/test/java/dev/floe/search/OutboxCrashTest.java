package dev.floe.search;

import static dev.floe.search.SearchFixtures.finds;
import static dev.floe.search.SearchFixtures.q;
import static dev.floe.search.SearchFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.floe.support.Api;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.FloeJvm;

/**
 * Index updates travel through the database outbox: an update committed by an instance that is killed before it is
 * indexed is indexed by another instance. The second instance here is a {@code floe serve} process over the same
 * database and var folder; this test's instance owns the embedded index, so the other one only ever writes its
 * updates to the outbox, and it is killed (SIGKILL) right after publishing.
 */
class OutboxCrashTest extends FloeIntegrationTest {

    @Test
    void anUpdateFromAKilledInstanceIsIndexedByAnother() throws Exception {
        String token = accounts.createToken("editor@floe.test", "outbox crash test");
        Serving other = startServe();
        try {
            other.awaitReady();
            SearchFixtures viaOther = new SearchFixtures(new Api(other.port(), token));
            String w = word();
            long id = viaOther.publishedPage("Written by a doomed instance " + w, "<p>Its last words: " + w + ".</p>");
            other.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(other.process().isAlive()).isFalse();

            new SearchFixtures(api).awaitSearch(anonymous, q(w), finds(id));
        } finally {
            other.process().destroyForcibly();
            Files.deleteIfExists(other.log());
        }
    }

    private record Serving(Process process, int port, Path log) {
        void awaitReady() {
            Api probe = new Api(port, null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("floe serve stopped while starting: " + read(log));
                }
                try {
                    if (probe.get("/-/health/ready").status() == 200) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                SearchFixtures.sleep(250);
            }
            throw new AssertionError("floe serve did not become ready in 120 s: " + read(log));
        }

        private static String read(Path log) {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }

    private static Serving startServe() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = FloeJvm.command(List.of(), List.of("serve"));
        Path log = Files.createTempFile("floe-serve", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FLOE_VAR_DIR", VAR_DIR.toString());
        builder.environment().put("BASE_SETTINGS_MODULE", "test");
        builder.environment().put("PORT", String.valueOf(port));
        return new Serving(builder.start(), port, log);
    }
}
