package dev.floe.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * The outside services of the environment contract for mail and media: SMTP ({@code EMAIL_HOST}, {@code EMAIL_PORT},
 * {@code EMAIL_HOST_USER}, {@code EMAIL_HOST_PASSWORD}; mail goes to the log when no host is set) and S3 media
 * ({@code AWS_STORAGE_BUCKET_NAME}).
 */
public record MailAndMediaSettings(Optional<String> emailHost, Optional<String> storageBucket, int emailPort,
                                   Optional<String> emailUser, Optional<String> emailPassword) {

    /** SMTP submission with STARTTLS, as the contract says when {@code EMAIL_PORT} is unset. */
    public static final int DEFAULT_EMAIL_PORT = 587;

    public static MailAndMediaSettings from(Function<String, String> lookup) {
        return new MailAndMediaSettings(present(lookup.apply("EMAIL_HOST")), present(lookup.apply("AWS_STORAGE_BUCKET_NAME")),
                port(lookup.apply("EMAIL_PORT")), present(lookup.apply("EMAIL_HOST_USER")),
                Optional.ofNullable(lookup.apply("EMAIL_HOST_PASSWORD")).filter(p -> !p.isEmpty()));
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_EMAIL_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException("EMAIL_PORT must be a port number from 1 to 65535, not '" + value + "'");
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
