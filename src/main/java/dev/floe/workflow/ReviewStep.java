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

/** Something done in a review, by whom and when: the review's history. */
@Entity
@Table(name = "page_review_step")
public class ReviewStep {

    /** What was done. */
    public enum Action { SUBMITTED, ASSIGNED, APPROVED, SCHEDULED, CHANGES_REQUESTED, WITHDRAWN, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "review_id")
    private long reviewId;

    @Enumerated(EnumType.STRING)
    private Action action;

    private String actor;
    private String assignee;

    @Column(name = "draft_version")
    private int draftVersion;

    private String comment;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ReviewStep() {
    }

    ReviewStep(long reviewId, Action action, String actor, String assignee, int draftVersion, String comment, Instant createdAt) {
        this.reviewId = reviewId;
        this.action = action;
        this.actor = actor;
        this.assignee = assignee;
        this.draftVersion = draftVersion;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public long getReviewId() {
        return reviewId;
    }

    public Action getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public String getAssignee() {
        return assignee;
    }

    /** The page's draft version when the step was taken. */
    public int getDraftVersion() {
        return draftVersion;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
