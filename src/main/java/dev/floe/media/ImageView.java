package dev.floe.media;

import java.time.Instant;

/** An image as editors, the API and templates see it; {@code url} is its original's address, stable across replacements. */
public record ImageView(long id, Metadata metadata, ImageFormat format, int width, int height, long fileSize,
                        String fileName, FocalPoint focalPoint, String url, Instant createdAt, Instant updatedAt,
                        String updatedBy) {
}
