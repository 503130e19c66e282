package dev.floe.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.floe.support.FloeIntegrationTest;

/** The running site answers to its own hosts only, before anything else (Spring Security included) sees a request. */
class AcceptedHostsTest extends FloeIntegrationTest {

    @Test
    void anUnknownHostGets400ButHealthChecksAnswerAnyHost() throws IOException {
        assertThat(statusLine("GET", "/", "evil.example")).isEqualTo("HTTP/1.1 400 ");
        assertThat(statusLine("GET", "/", "localhost:" + port)).isEqualTo("HTTP/1.1 200 ");
        assertThat(statusLine("GET", "/", "127.0.0.1:" + port)).isEqualTo("HTTP/1.1 200 ");
        assertThat(statusLine("GET", "/-/health/ready", "10.1.2.3:8080")).isEqualTo("HTTP/1.1 200 ");
    }

    @Test
    void theHostIsCheckedBeforeAuthentication() throws IOException {
        assertThat(statusLine("POST", "/api/v2/pages/", "localhost")).as("the API's own answer").isEqualTo("HTTP/1.1 401 ");
        assertThat(statusLine("POST", "/api/v2/pages/", "evil.example")).isEqualTo("HTTP/1.1 400 ");
    }

    /** Java's HTTP client will not send a Host of our choosing, so this speaks HTTP/1.1 itself. */
    private String statusLine(String method, String path, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String status = response.substring(0, response.indexOf("\r\n"));
            return status.substring(0, status.indexOf(' ', status.indexOf(' ') + 1) + 1);
        }
    }
}
