package dev.floe.pages;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A deleted page with its descendants, waiting in the bin: where it was, who deleted it and when. */
@Entity
@Table(name = "page_bin")
public class BinEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "page_id")
    private long pageId;

    @Column(name = "parent_id")
    private Long parentId;

    private String path;
    private String title;

    @Column(name = "page_count")
    private int pageCount;

    @Column(name = "live_count")
    private int liveCount;

    @Column(name = "deleted_by")
    private String deletedBy;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected BinEntry() {
    }

    BinEntry(long pageId, Long parentId, String path, String title, int pageCount, int liveCount, String deletedBy,
             Instant deletedAt) {
        this.pageId = pageId;
        this.parentId = parentId;
        this.path = path;
        this.title = title;
        this.pageCount = pageCount;
        this.liveCount = liveCount;
        this.deletedBy = deletedBy;
        this.deletedAt = deletedAt;
    }

    public Long getId() {
        return id;
    }

    /** The deleted page itself, the root of what was deleted. */
    public long getPageId() {
        return pageId;
    }

    /** The parent it was deleted from; it may have been deleted since. */
    public Long getParentId() {
        return parentId;
    }

    /** The path it had before it was deleted. */
    public String getPath() {
        return path;
    }

    public String getTitle() {
        return title;
    }

    /** How many pages went into the bin with it, itself included. */
    public int getPageCount() {
        return pageCount;
    }

    /** How many of them were live when deleted (they come back unpublished). */
    public int getLiveCount() {
        return liveCount;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    /** When the purge removes it for good. */
    public Instant getPurgeAt() {
        return deletedAt.plus(PageBin.KEPT_FOR);
    }
}
