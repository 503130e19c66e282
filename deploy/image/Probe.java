import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The image's HTTP check (a JRE image has no curl): used by the HEALTHCHECK and by the build-time AOT training run.
 *
 * <pre>
 * java -cp /opt/floe/tools Probe [--wait SECONDS] [--any-status] [URL...]
 * </pre>
 *
 * With no URL it checks {@code http://127.0.0.1:$PORT/-/health/ready}. Exit 0 when every URL answers 200 (any HTTP
 * answer with {@code --any-status}), 1 otherwise; {@code --wait} retries until then or until SECONDS have passed.
 * Requests carry {@code Host: $SITE_DOMAIN} when it is set (a host the site always accepts) and
 * {@code X-Forwarded-Proto: https} when {@code FORCE_SSL=yes} (as the TLS proxy would send).
 */
public final class Probe {

    public static void main(String[] args) throws InterruptedException {
        long waitMillis = 0;
        boolean anyStatus = false;
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--wait" -> waitMillis = Long.parseLong(args[++i]) * 1000;
                case "--any-status" -> anyStatus = true;
                default -> urls.add(URI.create(args[i]));
            }
        }
        if (urls.isEmpty()) {
            String port = env("PORT", "8080");
            urls.add(URI.create("http://127.0.0.1:" + port + "/-/health/ready"));
        }
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            String failure = null;
            for (URI url : urls) {
                String problem = check(url, anyStatus);
                if (problem != null) {
                    failure = url + ": " + problem;
                    break;
                }
            }
            if (failure == null) {
                System.exit(0);
            }
            if (System.currentTimeMillis() >= deadline) {
                System.err.println("probe: " + failure);
                System.exit(1);
            }
            Thread.sleep(250);
        }
    }

    /** Returns null when {@code url} answers as wanted, otherwise what went wrong. */
    private static String check(URI url, boolean anyStatus) {
        int port = url.getPort() > 0 ? url.getPort() : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        String host = env("SITE_DOMAIN", url.getHost() + ":" + port);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: floe-probe\r\n")
                .append("Connection: close\r\n");
        if (env("FORCE_SSL", "no").trim().toLowerCase().matches("yes|true|1|on")) {
            request.append("X-Forwarded-Proto: https\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), 3000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String status = readLine(socket.getInputStream());
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                return "not an HTTP answer: " + status;
            }
            if (!anyStatus && !parts[1].equals("200")) {
                return "status " + parts[1];
            }
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            return null;
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private Probe() {
    }
}
