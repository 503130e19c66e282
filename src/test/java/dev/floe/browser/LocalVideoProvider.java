package dev.floe.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for YouTube's oEmbed endpoint on 127.0.0.1, so that the demo's embed block is made without the internet.
 * It answers every address with the same video, played from the provider's own player host.
 */
final class LocalVideoProvider implements AutoCloseable {

    private static final String ANSWER = """
            {"type": "video", "version": "1.0", "provider_name": "YouTube", "title": "The lifeboat Grace Atherton",
             "width": 640, "height": 360,
             "html": "<iframe width=\\"640\\" height=\\"360\\" src=\\"https://www.youtube-nocookie.com/embed/jNQXAC9IVRw\\" frameborder=\\"0\\" allowfullscreen></iframe>"}
            """;

    private final HttpServer server;

    LocalVideoProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oembed", LocalVideoProvider::answer);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oembed";
    }

    private static void answer(HttpExchange exchange) throws IOException {
        byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
