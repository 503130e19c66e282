package dev.floe.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Redis ({@code redis-server} from Debian) on a free port of 127.0.0.1, for tests. It stops when closed, and
 * with the JVM at the latest; it can be stopped and started again on the same port to test outages.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    public RedisServer() {
        try {
            this.dir = Files.createTempDirectory("floe-redis");
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                this.port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare a Redis directory or port", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        start();
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        try {
            process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is not installed (apt-get install -y redis-server)", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
