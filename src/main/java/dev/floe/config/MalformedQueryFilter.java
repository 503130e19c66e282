package dev.floe.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400 and a sentence, an address whose query is not percent-encoded UTF-8 ({@code ?q=%ff}, {@code ?q=%}).
 * Tomcat throws on such a query when a parameter is first read, so a screen that reads one failed with 500 and an error
 * in the log, for what is a client's mistake or a scanner's probe.
 */
final class MalformedQueryFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || query.indexOf('%') < 0 || wellEncoded(query)) {
            chain.doFilter(request, response);
            return;
        }
        boolean api = request.getRequestURI().startsWith("/api/");
        String message = "The address's query is not valid: after '?', a '%' must begin an escape such as %20 or %C3%A9,"
                + " and the escapes must spell UTF-8 text.";
        byte[] body = (api ? "{\"error\":\"" + message + "\",\"details\":[]}" : message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(api ? "application/json" : "text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Every '%' begins two hex digits, and each run of escapes decodes as UTF-8 (a character is never split across one). */
    static boolean wellEncoded(String query) {
        int i = 0;
        while (i < query.length()) {
            if (query.charAt(i) != '%') {
                i++;
                continue;
            }
            ByteBuffer run = ByteBuffer.allocate(query.length() / 3 + 1);
            while (i < query.length() && query.charAt(i) == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = hex(query.charAt(i + 1));
                int low = hex(query.charAt(i + 2));
                if (high < 0 || low < 0) {
                    return false;
                }
                run.put((byte) (high << 4 | low));
                i += 3;
            }
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(run.flip());
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        return true;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return Character.toLowerCase(c) - 'a' + 10;
        }
        return -1;
    }
}
