package dev.floe.media;

import java.time.Instant;
import java.util.List;

/**
 * A document as editors and the API see it. {@code url} is its stable address; for a private document it is a signed
 * link that expires at {@code urlExpiresAt}.
 */
public record DocumentView(long id, String title, List<String> categories, DocumentKind kind, String contentType,
                           boolean isPrivate, long fileSize, String fileName, String url, Instant urlExpiresAt,
                           Instant createdAt, Instant updatedAt, String updatedBy) {
}
