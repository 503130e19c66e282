package dev.floe.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One round of review of a page's draft: from its submission until it is approved, sent back or withdrawn. */
@Entity
@Table(name = "page_review")
public class Review {

    /** Where a review stands; only {@link #IN_REVIEW} is open. */
    public enum Status { IN_REVIEW, APPROVED, CHANGES_REQUESTED, WITHDRAWN, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "page_id")
    private long pageId;

    @Column(name = "open_page_id")
    private Long openPageId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_version")
    private int submittedVersion;

    private String assignee;

    @Column(name = "go_live_at")
    private Instant goLiveAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Review() {
    }

    Review(long pageId, String submittedBy, Instant submittedAt, int submittedVersion, String assignee, Instant goLiveAt) {
        this.pageId = pageId;
        this.openPageId = pageId;
        this.status = Status.IN_REVIEW;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.submittedVersion = submittedVersion;
        this.assignee = assignee;
        this.goLiveAt = goLiveAt;
    }

    void assign(String assignee) {
        this.assignee = assignee;
    }

    void close(Status status, String by, Instant at) {
        this.status = status;
        this.openPageId = null;
        this.closedBy = by;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public long getPageId() {
        return pageId;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isOpen() {
        return status == Status.IN_REVIEW;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    /** The draft version that was submitted; the page may have been edited since (it stays in review). */
    public int getSubmittedVersion() {
        return submittedVersion;
    }

    /** The reviewer asked to look at it; null means any reviewer may. */
    public String getAssignee() {
        return assignee;
    }

    /** When the author wants it to go live once approved; null means at approval. */
    public Instant getGoLiveAt() {
        return goLiveAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
