package dev.floe.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document in the media library (PDF or office file), public or private, with its text for search. */
@Entity
@Table(name = "media_document")
class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String categories;
    private String kind;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "private_file")
    private boolean privateFile;
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
    @Column(name = "text_content")
    private String textContent;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected Document() {
    }

    Document(Instant now, boolean privateFile) {
        this.createdAt = now;
        this.updatedAt = now;
        this.privateFile = privateFile;
    }

    void describe(String title, java.util.List<String> categories) {
        this.title = title;
        this.categories = categories.isEmpty() ? null : String.join(",", categories);
    }

    void replaceFile(String key, String name, DocumentKind kind, long size, String hash, String text) {
        this.fileKey = key;
        this.fileName = name;
        this.kind = kind.name().toLowerCase(java.util.Locale.ROOT);
        this.contentType = kind.contentType();
        this.fileSize = size;
        this.fileHash = hash;
        this.textContent = text;
        this.fileVersion++;
    }

    void setPrivateFile(boolean privateFile) {
        this.privateFile = privateFile;
    }

    void touch(String by, Instant at) {
        this.updatedBy = by;
        this.updatedAt = at;
    }

    Long getId() {
        return id;
    }

    String getTitle() {
        return title;
    }

    java.util.List<String> getCategories() {
        return Metadata.splitCategories(categories);
    }

    DocumentKind getKind() {
        return DocumentKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
    }

    String getContentType() {
        return contentType;
    }

    boolean isPrivateFile() {
        return privateFile;
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

    String getTextContent() {
        return textContent;
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
