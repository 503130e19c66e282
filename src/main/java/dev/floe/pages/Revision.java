package dev.floe.pages;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A saved state of a page's content: made by every save, publish, revert and restore. */
@Entity
@Table(name = "page_revision")
public class Revision {

    /** What made the revision. */
    public enum Kind { CREATED, SAVED, PUBLISHED, UNPUBLISHED, REVERTED, RESTORED, MOVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "page_id")
    private long pageId;

    @Column(name = "draft_version")
    private int draftVersion;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String slug;
    private String content;
    private String author;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Revision() {
    }

    Revision(long pageId, int draftVersion, Kind kind, String slug, String content, String author, Instant createdAt) {
        this.pageId = pageId;
        this.draftVersion = draftVersion;
        this.kind = kind;
        this.slug = slug;
        this.content = content;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getPageId() {
        return pageId;
    }

    public int getDraftVersion() {
        return draftVersion;
    }

    public Kind getKind() {
        return kind;
    }

    public String getSlug() {
        return slug;
    }

    public String getContent() {
        return content;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
