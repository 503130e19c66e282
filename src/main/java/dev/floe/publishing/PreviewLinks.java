package dev.floe.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dev.floe.config.SecretKey;

/**
 * Shareable links to a page's current draft, for people without an account: the page id and an expiry time signed
 * with {@code SECRET_KEY}. Changing the secret invalidates every link.
 */
@Service
public class PreviewLinks {

    private static final String PURPOSE = "preview-link";
    public static final String PATH_PREFIX = "/-/preview/";

    private final SecretKey secretKey;
    private final Clock clock;
    private final Duration defaultLifetime;

    PreviewLinks(SecretKey secretKey, Clock clock, @Value("${floe.preview-link-days}") int days) {
        this.secretKey = secretKey;
        this.clock = clock;
        this.defaultLifetime = Duration.ofDays(days);
    }

    /** A link's path (relative to the site) and when it stops working. */
    public record Link(String path, Instant expiresAt) {
    }

    public Link create(long pageId, Duration lifetime) {
        Duration life = lifetime == null ? defaultLifetime : lifetime;
        if (life.isNegative() || life.isZero() || life.compareTo(Duration.ofDays(90)) > 0) {
            throw new PublishingException("A preview link lasts between one second and 90 days.");
        }
        Instant expires = clock.instant().plus(life).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = pageId + "." + expires.getEpochSecond();
        return new Link(PATH_PREFIX + body + "." + secretKey.sign(PURPOSE, body) + "/", expires);
    }

    /** The page a token grants a view of, if its signature holds and it has not expired. */
    public Optional<Long> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1];
        if (!secretKey.verify(PURPOSE, body, parts[2])) {
            return Optional.empty();
        }
        if (!Instant.ofEpochSecond(Long.parseLong(parts[1])).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(parts[0]));
    }
}
