package dev.floe.config;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outside services of the environment contract for mail and media: SMTP ({@code EMAIL_HOST}) and S3 media
 * ({@code AWS_STORAGE_BUCKET_NAME} with the other {@code AWS_*} variables).
 */
public record MailAndMediaSettings(Optional<String> emailHost, Optional<String> storageBucket, Optional<S3> s3,
                                   int emailPort, Optional<String> emailUser, Optional<String> emailPassword) {

    public static final int DEFAULT_EMAIL_PORT = 587;

    public MailAndMediaSettings(Optional<String> emailHost, Optional<String> storageBucket, Optional<S3> s3) {
        this(emailHost, storageBucket, s3, DEFAULT_EMAIL_PORT, Optional.empty(), Optional.empty());
    }

    /** Where S3 media live: a bucket, its credentials, and for a store other than AWS its endpoint. */
    public record S3(String bucket, String accessKeyId, String secretAccessKey, Optional<URI> endpoint, String region) {

        @Override
        public String toString() {
            return "S3[bucket=" + bucket + ", endpoint=" + endpoint.map(URI::toString).orElse("AWS") + ", region=" + region + "]";
        }
    }

    public static MailAndMediaSettings from(Function<String, String> lookup) {
        Optional<String> bucket = present(lookup.apply("AWS_STORAGE_BUCKET_NAME"));
        return new MailAndMediaSettings(present(lookup.apply("EMAIL_HOST")), bucket, bucket.map(name -> s3(name, lookup)),
                emailPort(lookup.apply("EMAIL_PORT")), present(lookup.apply("EMAIL_HOST_USER")),
                Optional.ofNullable(lookup.apply("EMAIL_HOST_PASSWORD")).filter(p -> !p.isEmpty()));
    }

    private static int emailPort(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_EMAIL_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new SettingsException("EMAIL_PORT must be a port number from 1 to 65535, not '" + value + "'");
    }

    private static S3 s3(String bucket, Function<String, String> lookup) {
        String key = present(lookup.apply("AWS_ACCESS_KEY_ID")).orElseThrow(() -> new SettingsException(
                "AWS_ACCESS_KEY_ID must be set when AWS_STORAGE_BUCKET_NAME is (the key that may write to the bucket)"));
        String secret = present(lookup.apply("AWS_SECRET_ACCESS_KEY")).orElseThrow(() -> new SettingsException(
                "AWS_SECRET_ACCESS_KEY must be set when AWS_STORAGE_BUCKET_NAME is"));
        Optional<URI> endpoint = present(lookup.apply("AWS_S3_ENDPOINT_URL")).map(MailAndMediaSettings::endpoint);
        String region = present(lookup.apply("AWS_REGION")).orElse("us-east-1");
        if (!region.matches("[a-z0-9-]+")) {
            throw new SettingsException("AWS_REGION must be a region name such as eu-west-1, not '" + region + "'");
        }
        return new S3(bucket, key, secret, endpoint, region);
    }

    private static URI endpoint(String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new SettingsException("AWS_S3_ENDPOINT_URL must be an address such as https://s3.example.com, not '" + value + "'");
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
