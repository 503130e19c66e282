package dev.floe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.floe.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A serving instance in its own process, reaching its database through a relay the test can cut: what /-/version
 * says, readiness while the database is gone, and a graceful stop on SIGTERM. The stop comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingLifecycleTest {

    private static final String COMMIT = "3f9c2b7e0d1a4c5b8e6f7a9d0c1b2e3f4a5b6c7d";

    private static Server h2;
    private static ScratchDatabase postgres;
    private static DatabaseLink link;
    private static ServingProcess serving;

    @BeforeAll
    static void serveThroughARelay() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("BASE_SETTINGS_MODULE", "test", "FLOE_COMMIT", COMMIT));
        if (ScratchDatabase.postgres()) {
            postgres = ScratchDatabase.create();
            link = new DatabaseLink("127.0.0.1", ScratchDatabase.postgresAddress().getPort());
            env.putAll(postgres.envVia(link.port()));
        } else {
            Path dir = Files.createTempDirectory(Path.of(System.getProperty("floe.test.var", "target/test-var")), "serving-");
            h2 = Server.createTcpServer("-tcpPort", String.valueOf(freePort()), "-baseDir", dir.toString(), "-ifNotExists").start();
            link = new DatabaseLink("127.0.0.1", h2.getPort());
            env.put("FLOE_VAR_DIR", dir.toString());
            env.put("SPRING_DATASOURCE_URL", "jdbc:h2:tcp://127.0.0.1:" + link.port() + "/./floe");
        }
        serving = ServingProcess.start(env, "floe.test.slow-requests=true");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        serving.close();
        link.close();
        if (h2 != null) {
            h2.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void versionSaysWhichBuildAndCommitIsAnswering() {
        Api.Response response = serving.api.get("/-/version");

        assertThat(response.status()).isEqualTo(200);
        JsonNode version = response.json();
        assertThat(version.get("commit").asString()).isEqualTo(COMMIT);
        assertThat(version.get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(Instant.parse(version.get("build_time").asString())).isBefore(Instant.now());
    }

    @Test
    @Order(2)
    void readinessIsDownWhileTheDatabaseCannotBeReachedAndComesBack() {
        link.cut();
        serving.await(Duration.ofSeconds(30), () -> serving.status("/-/health/ready") == 503, "to turn unready without its database");
        assertThat(serving.status("/-/health/live")).as("still alive: restarting it would not help").isEqualTo(200);

        link.mend();
        // Polled more slowly than the pool's 500 ms: H2's network client does not say a dropped connection is broken
        // (PostgreSQL's does), so the pool finds out only by testing a connection that has been idle that long.
        serving.await(Duration.ofSeconds(30), Duration.ofSeconds(1), () -> serving.status("/-/health/ready") == 200, "to turn ready again");
    }

    @Test
    @Order(3)
    void onSigtermARequestInFlightFinishesNewConnectionsAreRefusedAndTheProcessExitsZero() throws Exception {
        CompletableFuture<Api.Response> slow = CompletableFuture.supplyAsync(() -> serving.api.get("/-/test/slow?millis=3000"));
        serving.await(Duration.ofSeconds(10), () -> serving.output().contains(SlowRequests.STARTED), "to start the slow request");

        serving.terminate();
        serving.await(Duration.ofSeconds(5), () -> !acceptsConnections(serving.port), "to stop taking connections");
        Api.Response finished = slow.join();
        int exitCode = serving.exitCode(Duration.ofSeconds(30));

        assertThat(finished.status()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("finished after 3000 ms");
        assertThat(exitCode).isZero();
        assertThat(serving.output()).contains("Floe is stopping: not ready for new requests; finishing those in flight (at most 20s).");
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
