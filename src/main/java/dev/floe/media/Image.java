package dev.floe.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An image in the media library: its file, ICEkit's descriptive fields and Wagtail's focal point. */
@Entity
@Table(name = "media_image")
class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    @Column(name = "alt_text")
    private String altText;
    private String caption;
    private String credit;
    private String licence;
    private String categories;
    private String format;
    @Column(name = "file_key")
    private String fileKey;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "file_size")
    private long fileSize;
    @Column(name = "file_hash")
    private String fileHash;
    @Column(name = "file_version")
    private int fileVersion;
    private int width;
    private int height;
    @Column(name = "focal_x")
    private Integer focalX;
    @Column(name = "focal_y")
    private Integer focalY;
    @Column(name = "focal_w")
    private Integer focalW;
    @Column(name = "focal_h")
    private Integer focalH;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected Image() {
    }

    Image(Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(Metadata metadata) {
        this.title = metadata.title();
        this.altText = metadata.altText();
        this.caption = metadata.caption();
        this.credit = metadata.credit();
        this.licence = metadata.licence();
        this.categories = metadata.categories().isEmpty() ? null : String.join(",", metadata.categories());
    }

    void focus(FocalPoint point) {
        this.focalX = point == null ? null : point.x();
        this.focalY = point == null ? null : point.y();
        this.focalW = point == null ? null : point.width();
        this.focalH = point == null ? null : point.height();
    }

    /** Points the image at a newly stored file; the version tells renditions of the old file from the new. */
    void replaceFile(String key, String name, ImageFormat format, long size, String hash, int width, int height) {
        this.fileKey = key;
        this.fileName = name;
        this.format = format.name().toLowerCase(java.util.Locale.ROOT);
        this.fileSize = size;
        this.fileHash = hash;
        this.width = width;
        this.height = height;
        this.fileVersion++;
    }

    void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
    }

    Metadata metadata() {
        return new Metadata(title, altText, caption, credit, licence, Metadata.splitCategories(categories));
    }

    ImageFormat getFormat() {
        return ImageFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    }

    String getFileKey() {
        return fileKey;
    }

    String getFileName() {
        return fileName;
    }

    long getFileSize() {
        return fileSize;
    }

    String getFileHash() {
        return fileHash;
    }

    int getFileVersion() {
        return fileVersion;
    }

    int getWidth() {
        return width;
    }

    int getHeight() {
        return height;
    }

    FocalPoint focalPoint() {
        return focalX == null ? null : new FocalPoint(focalX, focalY, focalW, focalH);
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
