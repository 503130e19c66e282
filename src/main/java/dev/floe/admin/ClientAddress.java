package dev.floe.admin;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, for throttling sign-in: behind Floe's proxy that is the last entry the proxy
 * appended to {@code X-Forwarded-For} (earlier entries are whatever the client claimed), otherwise the peer.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }
}
