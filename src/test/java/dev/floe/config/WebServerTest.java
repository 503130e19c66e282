package dev.floe.config;

import static dev.floe.support.Api.textBlock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

class WebServerTest extends FloeIntegrationTest {

    @Autowired
    private WebServerApplicationContext context;

    @Test
    void requestThreadsAreCappedAtTwoPerCoreSoTheCompilerKeepsAShareOfTheCpu() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        ThreadPoolExecutor executor = (ThreadPoolExecutor) server.getTomcat().getConnector().getProtocolHandler().getExecutor();
        int expected = FloeEnvironment.REQUEST_THREADS_PER_CORE * Runtime.getRuntime().availableProcessors();
        assertThat(executor.getMaximumPoolSize()).isEqualTo(expected);
        assertThat(executor.getCorePoolSize()).isEqualTo(expected);
    }

    @Test
    void aClientKeepsItsConnectionPastAHundredRequestsAndGetsEveryPageLargerThanTheWriteBufferWhole() throws IOException {
        Pages pages = new Pages(api);
        String slug = unique("long-read");
        // Unique words, so that the page is far larger than the 32 KB write buffer even after any compression.
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 3 * WebServerConfiguration.SOCKET_WRITE_BUFFER; i++) {
            text.append("Harbour log entry ").append(i).append(". ");
        }
        long id = pages.createUnderHome(slug, "Long read", textBlock("<p>" + text + "</p>")).get("id").asLong();
        pages.publish(id);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            byte[] first = null;
            for (int request = 1; request <= 150; request++) {
                out.write(("GET /" + slug + "/ HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Map<String, String> headers = readHeaders(in);
                assertThat(headers.get(":status")).as("request %d", request).contains(" 200 ");
                assertThat(headers.get("connection")).as("request %d", request).isNotEqualToIgnoringCase("close");
                byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
                if (first == null) {
                    first = body;
                    assertThat(new String(body, StandardCharsets.UTF_8)).contains("Harbour log entry 0. ").contains(text.substring(text.length() - 40));
                } else {
                    assertThat(body).as("request %d", request).isEqualTo(first);
                }
            }
            assertThat(first.length).isGreaterThan(3 * WebServerConfiguration.SOCKET_WRITE_BUFFER);
        }
    }

    /** The status line (as ":status") and the headers of one response, names in lower case. */
    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        String line = readLine(in);
        headers.put(":status", line + " ");
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
