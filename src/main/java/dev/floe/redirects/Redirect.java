package dev.floe.redirects;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An old path that sends visitors on: to a page (wherever it lives now) or to a URL. */
@Entity
@Table(name = "redirect")
class Redirect {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "old_path")
    private String oldPath;

    @Column(name = "target_page_id")
    private Long targetPageId;

    @Column(name = "target_url")
    private String targetUrl;

    private boolean permanent;
    private boolean automatic;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Redirect() {
    }

    Redirect(String oldPath, Long targetPageId, String targetUrl, boolean permanent, boolean automatic, Instant createdAt) {
        this.oldPath = oldPath;
        this.targetPageId = targetPageId;
        this.targetUrl = targetUrl;
        this.permanent = permanent;
        this.automatic = automatic;
        this.createdAt = createdAt;
    }

    void pointAt(long pageId) {
        this.targetPageId = pageId;
        this.targetUrl = null;
        this.permanent = true;
        this.automatic = true;
    }

    void change(Long targetPageId, String targetUrl, boolean permanent) {
        this.targetPageId = targetPageId;
        this.targetUrl = targetUrl;
        this.permanent = permanent;
        this.automatic = false;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Long getId() {
        return id;
    }

    String getOldPath() {
        return oldPath;
    }

    Long getTargetPageId() {
        return targetPageId;
    }

    String getTargetUrl() {
        return targetUrl;
    }

    boolean isPermanent() {
        return permanent;
    }

    boolean isAutomatic() {
        return automatic;
    }
}
