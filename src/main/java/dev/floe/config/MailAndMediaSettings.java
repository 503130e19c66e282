package dev.floe.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * The outside services of the environment contract that no feature reads yet, so that {@code floe check} can say
 * whether they are set: SMTP ({@code EMAIL_HOST}) and S3 media ({@code AWS_STORAGE_BUCKET_NAME}).
 */
public record MailAndMediaSettings(Optional<String> emailHost, Optional<String> storageBucket) {

    public static MailAndMediaSettings from(Function<String, String> lookup) {
        return new MailAndMediaSettings(present(lookup.apply("EMAIL_HOST")), present(lookup.apply("AWS_STORAGE_BUCKET_NAME")));
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
