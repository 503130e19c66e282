package dev.floe.blocks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny oEmbed provider on 127.0.0.1 for tests, so that no test reaches the internet. It answers for addresses on
 * {@code videos.example.test} by their path, with players on {@code player.example.test}, and counts its requests.
 */
final class LocalOEmbedProvider implements AutoCloseable {

    static final String VIDEO_HOST = "videos.example.test";
    static final String PLAYER_HOST = "player.example.test";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "local-oembed");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    LocalOEmbedProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oembed", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/oembed";
    }

    /** How many times the provider was asked about the address with this path. */
    int requestsFor(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    int totalRequests() {
        return total.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        total.incrementAndGet();
        String query = exchange.getRequestURI().getRawQuery();
        String url = "";
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("url=")) {
                url = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
            }
        }
        String path = url.replaceFirst("^https?://[^/]+", "");
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        switch (path) {
            case "/watch/ok" -> json(exchange, 200, video("A <b>\"quoted\"</b> video",
                    "<script>steal()</script><iframe width=\"640\" height=\"360\" src=\"https://" + PLAYER_HOST
                            + "/embed/ok?autoplay=0\" onload=\"steal()\" frameborder=\"0\"></iframe><img src=x onerror=steal()>"));
            case "/watch/photo" -> json(exchange, 200, "{\"type\":\"photo\",\"version\":\"1.0\",\"title\":\"A photo\","
                    + "\"url\":\"https://" + PLAYER_HOST + "/photo.jpg\",\"width\":800,\"height\":600}");
            case "/watch/foreign" -> json(exchange, 200, video("Foreign", "<iframe src=\"https://evil.example/embed\"></iframe>"));
            case "/watch/script" -> json(exchange, 200, video("Script", "<iframe src=\"javascript:steal()\"></iframe>"
                    + "<script src=\"https://" + PLAYER_HOST + "/x.js\"></script>"));
            case "/watch/plain-http" -> json(exchange, 200, video("Plain", "<iframe src=\"http://" + PLAYER_HOST + "/embed/1\"></iframe>"));
            case "/watch/link" -> json(exchange, 200, "{\"type\":\"link\",\"version\":\"1.0\",\"title\":\"Just a link\"}");
            case "/watch/huge" -> json(exchange, 200, video("x".repeat(100_000), "<iframe src=\"https://" + PLAYER_HOST + "/e\"></iframe>"));
            case "/watch/not-json" -> reply(exchange, 200, "text/html", "<html><body>Hello</body></html>");
            case "/watch/private" -> reply(exchange, 401, "text/plain", "Unauthorized");
            case "/watch/redirect" -> {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                reply(exchange, 302, "text/plain", "");
            }
            case "/watch/slow" -> {
                try {
                    Thread.sleep(6_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                json(exchange, 200, video("Slow", "<iframe src=\"https://" + PLAYER_HOST + "/e\"></iframe>"));
            }
            default -> reply(exchange, 404, "text/plain", "Not found");
        }
    }

    private static String video(String title, String html) {
        return "{\"type\":\"video\",\"version\":\"1.0\",\"provider_name\":\"Local\",\"title\":" + quote(title)
                + ",\"width\":640,\"height\":360,\"html\":" + quote(html) + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        reply(exchange, status, "application/json", body);
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
