package dev.floe.pages;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A node of the page tree with its draft and its live version. Editing only ever touches the draft columns;
 * publishing copies the draft into the live ones in one transaction.
 */
@Entity
@Table(name = "page")
public class Page {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id")
    private Long parentId;

    private int position;
    private String slug;
    private String path;
    private int depth;

    @Column(name = "page_type")
    private String type;

    private String title;

    @Column(name = "draft_content")
    private String draftContent;

    @Column(name = "draft_version")
    private int draftVersion;

    @Column(name = "draft_saved_by")
    private String draftSavedBy;

    @Column(name = "draft_saved_at")
    private Instant draftSavedAt;

    @Column(name = "has_unpublished_changes")
    private boolean hasUnpublishedChanges;

    private boolean live;

    @Column(name = "live_title")
    private String liveTitle;

    @Column(name = "live_content")
    private String liveContent;

    @Column(name = "live_revision_id")
    private Long liveRevisionId;

    @Column(name = "first_published_at")
    private Instant firstPublishedAt;

    @Column(name = "last_published_at")
    private Instant lastPublishedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "binned_at")
    private Instant binnedAt;

    protected Page() {
    }

    Page(Long parentId, int position, String slug, String path, int depth, String type, Instant now) {
        this.parentId = parentId;
        this.position = position;
        this.slug = slug;
        this.path = path;
        this.depth = depth;
        this.type = type;
        this.createdAt = now;
    }

    void writeDraft(String title, String contentJson, String author, Instant at) {
        this.title = title;
        this.draftContent = contentJson;
        this.draftVersion++;
        this.draftSavedBy = author;
        this.draftSavedAt = at;
    }

    void markUnpublishedChanges(boolean changed) {
        this.hasUnpublishedChanges = changed;
    }

    /** Replaces the live version with a revision's content; {@link PageEditor#makeLive} keeps its references with it. */
    void publish(Revision revision, String liveTitle, Instant at) {
        this.live = true;
        this.liveTitle = liveTitle;
        this.liveContent = revision.getContent();
        this.liveRevisionId = revision.getId();
        this.hasUnpublishedChanges = revision.getDraftVersion() != draftVersion;
        if (firstPublishedAt == null) {
            firstPublishedAt = at;
        }
        this.lastPublishedAt = at;
    }

    public void takeOffline() {
        this.live = false;
        this.hasUnpublishedChanges = true;
    }

    void placeAt(Long parentId, int position) {
        this.parentId = parentId;
        this.position = position;
    }

    void rename(String slug) {
        this.slug = slug;
    }

    /** Takes the page out of the tree into the bin (its root is detached from its parent). */
    void detachIntoBin() {
        this.parentId = null;
        this.position = 0;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public Long getParentId() {
        return parentId;
    }

    public int getPosition() {
        return position;
    }

    public String getSlug() {
        return slug;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public String getDraftContent() {
        return draftContent;
    }

    public int getDraftVersion() {
        return draftVersion;
    }

    public String getDraftSavedBy() {
        return draftSavedBy;
    }

    public Instant getDraftSavedAt() {
        return draftSavedAt;
    }

    public boolean hasUnpublishedChanges() {
        return hasUnpublishedChanges;
    }

    public boolean isLive() {
        return live;
    }

    public String getLiveTitle() {
        return liveTitle;
    }

    public String getLiveContent() {
        return liveContent;
    }

    public Long getLiveRevisionId() {
        return liveRevisionId;
    }

    public Instant getFirstPublishedAt() {
        return firstPublishedAt;
    }

    public Instant getLastPublishedAt() {
        return lastPublishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isHome() {
        return parentId == null && "/".equals(path);
    }

    /** Deleted into the page bin: neither served nor editable until restored. */
    public boolean isBinned() {
        return binnedAt != null;
    }

    public Instant getBinnedAt() {
        return binnedAt;
    }
}
