package dev.floe.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored derivative of an image for one spec and format (a named size, an ad hoc size or an IIIF request). */
@Entity
@Table(name = "media_rendition")
class Rendition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "image_id")
    private long imageId;
    private String spec;
    private String format;
    @Column(name = "source_version")
    private int sourceVersion;
    @Column(name = "file_key")
    private String fileKey;
    private int width;
    private int height;
    @Column(name = "file_size")
    private long fileSize;
    @Column(name = "created_at")
    private Instant createdAt;
    /** When an IIIF output was last served, to within {@link Renditions#TOUCH_EVERY}; null until first touched. */
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected Rendition() {
    }

    Rendition(long imageId, String spec, ImageFormat format, int sourceVersion, String fileKey, int width, int height,
              long fileSize, Instant createdAt) {
        this.imageId = imageId;
        this.spec = spec;
        this.format = format.name().toLowerCase(java.util.Locale.ROOT);
        this.sourceVersion = sourceVersion;
        this.fileKey = fileKey;
        this.width = width;
        this.height = height;
        this.fileSize = fileSize;
        this.createdAt = createdAt;
        this.lastUsedAt = createdAt;
    }

    /** When it was last served as far as the table knows: the last touch, or its making. */
    Instant lastUsed() {
        return lastUsedAt != null ? lastUsedAt : createdAt;
    }

    Long getId() {
        return id;
    }

    long getImageId() {
        return imageId;
    }

    String getSpec() {
        return spec;
    }

    ImageFormat getFormat() {
        return ImageFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    }

    int getSourceVersion() {
        return sourceVersion;
    }

    String getFileKey() {
        return fileKey;
    }

    int getWidth() {
        return width;
    }

    int getHeight() {
        return height;
    }
}
