package dev.floe.media;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.floe.config.SecretKey;

/**
 * The addresses of media. Public files have stable addresses served by Floe. A private document's address is a
 * signed link that expires: presigned by S3 when media live there, otherwise an HMAC link under the site's
 * {@code SECRET_KEY} that Floe checks before serving the file.
 */
@Component
class MediaLinks {

    static final String PURPOSE = "media-document";

    private final MediaStore store;
    private final SecretKey secret;
    private final MediaLimits limits;
    private final Clock clock;

    MediaLinks(MediaStore store, SecretKey secret, MediaLimits limits, Clock clock) {
        this.store = store;
        this.secret = secret;
        this.limits = limits;
        this.clock = clock;
    }

    record Link(String url, Instant expiresAt) {
    }

    static String imageOriginal(long id) {
        return "/media/images/" + id + "/original";
    }

    static String publicFile(String key) {
        return "/media/public/" + key;
    }

    static String documentPath(long id) {
        return "/media/documents/" + id + "/";
    }

    Link document(long id, boolean isPrivate, String key, String fileName, String contentType) {
        if (!isPrivate) {
            return new Link(documentPath(id), null);
        }
        Instant expires = clock.instant().plus(limits.privateLinkLifetime()).truncatedTo(ChronoUnit.SECONDS);
        Optional<URI> presigned = store.presign(MediaStore.Area.PRIVATE, key, limits.privateLinkLifetime(), fileName, contentType);
        if (presigned.isPresent()) {
            return new Link(presigned.get().toString(), expires);
        }
        long epoch = expires.getEpochSecond();
        return new Link(documentPath(id) + "?expires=" + epoch + "&signature=" + secret.sign(PURPOSE, id + ":" + epoch), expires);
    }

    /** Whether a local private link is genuine and not yet expired. */
    boolean valid(long id, String expires, String signature) {
        if (expires == null || signature == null || !expires.matches("[0-9]{1,12}")) {
            return false;
        }
        long epoch = Long.parseLong(expires);
        return secret.verify(PURPOSE, id + ":" + epoch, signature) && clock.instant().getEpochSecond() <= epoch;
    }
}
