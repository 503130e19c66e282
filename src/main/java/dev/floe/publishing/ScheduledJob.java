package dev.floe.publishing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A publication or expiry due at a time; carried out once, by whichever instance locks it first. */
@Entity
@Table(name = "scheduled_job")
class ScheduledJob {

    enum Action { PUBLISH, UNPUBLISH }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "page_id")
    private long pageId;

    @Enumerated(EnumType.STRING)
    private Action action;

    @Column(name = "revision_id")
    private Long revisionId;

    @Column(name = "run_at")
    private Instant runAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "done_at")
    private Instant doneAt;

    private String outcome;

    protected ScheduledJob() {
    }

    ScheduledJob(long pageId, Action action, Long revisionId, Instant runAt, String createdBy, Instant createdAt) {
        this.pageId = pageId;
        this.action = action;
        this.revisionId = revisionId;
        this.runAt = runAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void finish(String instance, Instant at, String outcome) {
        this.claimedBy = instance;
        this.doneAt = at;
        this.outcome = outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome;
    }

    Long getId() {
        return id;
    }

    long getPageId() {
        return pageId;
    }

    Action getAction() {
        return action;
    }

    Long getRevisionId() {
        return revisionId;
    }

    Instant getRunAt() {
        return runAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    String getClaimedBy() {
        return claimedBy;
    }

    Instant getDoneAt() {
        return doneAt;
    }

    String getOutcome() {
        return outcome;
    }

    boolean isDone() {
        return doneAt != null;
    }
}
