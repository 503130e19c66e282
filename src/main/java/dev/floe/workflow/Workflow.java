package dev.floe.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.pages.Author;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PagesBinned;
import dev.floe.publishing.Publisher;

/**
 * Review of drafts before they go live, as ICEkit's workflow states and Wagtail's moderation: an author submits a
 * draft (optionally to one reviewer, optionally with a go-live time), a reviewer approves it (it is published, or
 * scheduled for its go-live time) or requests changes with a comment, and the author may withdraw it. Each step is
 * recorded with who and when. A page has at most one open review.
 *
 * <p>Editing a page under review keeps it in review, as Wagtail does by default
 * ({@code WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False}); what a reviewer approves is the draft they saw,
 * because approval names the draft version and is refused when the draft has changed since.
 *
 * <p>Who may take each step is the caller's to check (the admin and the API check page permissions first); this
 * service keeps the workflow's own rules.
 */
@Service
public class Workflow {

    private static final int MAX_COMMENT = 4000;

    private final ReviewRepository reviews;
    private final ReviewStepRepository steps;
    private final PageEditor editor;
    private final Publisher publisher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Workflow(ReviewRepository reviews, ReviewStepRepository steps, PageEditor editor, Publisher publisher,
             ApplicationEventPublisher events, Clock clock) {
        this.reviews = reviews;
        this.steps = steps;
        this.editor = editor;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits the page's current draft for review. {@code basedOnVersion}, when given, must be the draft version the
     * author saw; {@code assignee} (an email) may name the reviewer; {@code goLiveAt} when it should go live.
     */
    @Transactional
    public Review submit(long pageId, Integer basedOnVersion, String assignee, Instant goLiveAt, String comment, Author author) {
        Page page = basedOnVersion == null ? editor.lock(pageId) : editor.lockCurrent(pageId, basedOnVersion);
        if (reviews.findOpenForUpdate(pageId).isPresent()) {
            throw new WorkflowException("This page is already in review; it can be submitted again once that review ends.");
        }
        if (!page.hasUnpublishedChanges()) {
            throw new WorkflowException("There is nothing to review: the draft is the same as the live page. Make a change first.");
        }
        Instant now = clock.instant();
        if (goLiveAt != null && !goLiveAt.isAfter(now)) {
            throw new WorkflowException("The go-live time must be in the future; leave it empty to publish on approval.");
        }
        String reviewer = normaliseEmail(assignee);
        Review review = reviews.saveAndFlush(new Review(pageId, author.email(), now, page.getDraftVersion(), reviewer, goLiveAt));
        record(review, page, ReviewStep.Action.SUBMITTED, author, reviewer, cleanComment(comment, false));
        return review;
    }

    /** Asks a particular reviewer (an email) to review the page; null leaves it to any reviewer. */
    @Transactional
    public Review assign(long pageId, String assignee, Author author) {
        Page page = editor.lock(pageId);
        Review review = open(pageId);
        String reviewer = normaliseEmail(assignee);
        review.assign(reviewer);
        record(review, page, ReviewStep.Action.ASSIGNED, author, reviewer, null);
        return review;
    }

    /**
     * Approves the draft the reviewer saw ({@code basedOnVersion}): publishes it now, or schedules it for the go-live
     * time the author asked for (or that is already set for the page) when that is still in the future.
     */
    @Transactional
    public Review approve(long pageId, int basedOnVersion, String comment, Author reviewer) {
        Page page = editor.lockCurrent(pageId, basedOnVersion);
        Review review = open(pageId);
        Instant now = clock.instant();
        Publisher.Schedule schedule = publisher.schedule(pageId);
        Instant goLive = review.getGoLiveAt() != null ? review.getGoLiveAt() : schedule.goLiveAt().orElse(null);
        ReviewStep.Action action;
        if (goLive != null && goLive.isAfter(now)) {
            publisher.setSchedule(pageId, goLive, schedule.expireAt().filter(expire -> expire.isAfter(goLive)).orElse(null), reviewer);
            action = ReviewStep.Action.SCHEDULED;
        } else {
            publisher.publish(pageId, basedOnVersion, reviewer);
            action = ReviewStep.Action.APPROVED;
        }
        review.close(Review.Status.APPROVED, reviewer.email(), now);
        record(review, page, action, reviewer, review.getAssignee(), cleanComment(comment, false));
        return review;
    }

    /** Sends the draft back to its author with a comment saying what to change; the comment is required. */
    @Transactional
    public Review requestChanges(long pageId, String comment, Author reviewer) {
        String why = cleanComment(comment, true);
        Page page = editor.lock(pageId);
        Review review = open(pageId);
        review.close(Review.Status.CHANGES_REQUESTED, reviewer.email(), clock.instant());
        record(review, page, ReviewStep.Action.CHANGES_REQUESTED, reviewer, review.getAssignee(), why);
        return review;
    }

    /** The author takes the page out of review. */
    @Transactional
    public Review withdraw(long pageId, Author author) {
        Page page = editor.lock(pageId);
        Review review = open(pageId);
        if (!review.getSubmittedBy().equalsIgnoreCase(author.email())) {
            throw new WorkflowException("Only " + review.getSubmittedBy() + ", who submitted it, can withdraw this review.");
        }
        review.close(Review.Status.WITHDRAWN, author.email(), clock.instant());
        record(review, page, ReviewStep.Action.WITHDRAWN, author, review.getAssignee(), null);
        return review;
    }

    /** Deleted pages leave review. */
    @EventListener
    void onBinned(PagesBinned event) {
        for (long pageId : event.pageIds()) {
            reviews.findOpenForUpdate(pageId).ifPresent(review -> {
                review.close(Review.Status.CANCELLED, "bin", clock.instant());
                steps.save(new ReviewStep(review.getId(), ReviewStep.Action.CANCELLED, "bin", review.getAssignee(),
                        review.getSubmittedVersion(), "The page was deleted.", clock.instant()));
            });
        }
    }

    @Transactional(readOnly = true)
    public Optional<Review> openReview(long pageId) {
        return reviews.findByOpenPageId(pageId);
    }

    /** Of these pages, the ones in review. */
    @Transactional(readOnly = true)
    public Set<Long> inReview(Collection<Long> pageIds) {
        return pageIds.isEmpty() ? Set.of() : new HashSet<>(reviews.findPagesInReview(pageIds));
    }

    /** Pages in review, up to {@code limit} of them. */
    @Transactional(readOnly = true)
    public List<Long> pagesInReview(int limit) {
        return reviews.findAllPagesInReview(PageRequest.of(0, limit));
    }

    /** Open reviews assigned to this reviewer or to no one, oldest first. */
    @Transactional(readOnly = true)
    public List<Review> awaitingReviewBy(String email, int limit) {
        return reviews.findOpenFor(email.toLowerCase(Locale.ROOT), PageRequest.of(0, limit));
    }

    /** All open reviews, oldest first. */
    @Transactional(readOnly = true)
    public List<Review> openReviews(int limit) {
        return reviews.findOpen(PageRequest.of(0, limit));
    }

    @Transactional(readOnly = true)
    public List<Review> submittedBy(String email, int limit) {
        return reviews.findOpenSubmittedBy(email.toLowerCase(Locale.ROOT), PageRequest.of(0, limit));
    }

    /** Every step of every review of the page, newest first. */
    @Transactional(readOnly = true)
    public List<ReviewStep> history(long pageId) {
        return steps.findForPage(pageId);
    }

    private Review open(long pageId) {
        return reviews.findOpenForUpdate(pageId)
                .orElseThrow(() -> new WorkflowException("This page is not in review; submit it for review first."));
    }

    private void record(Review review, Page page, ReviewStep.Action action, Author actor, String assignee, String comment) {
        steps.save(new ReviewStep(review.getId(), action, actor.email(), assignee, page.getDraftVersion(), comment, clock.instant()));
        events.publishEvent(new ReviewStepTaken(page.getId(), page.getTitle(), page.getPath(), review.getStatus(), action,
                actor.email(), review.getSubmittedBy(), review.getAssignee(), comment));
    }

    private static String cleanComment(String comment, boolean required) {
        String text = comment == null ? "" : comment.strip();
        if (required && text.isEmpty()) {
            throw new WorkflowException("Say what should change: a comment is required when requesting changes.");
        }
        if (text.length() > MAX_COMMENT) {
            throw new WorkflowException("The comment is " + text.length() + " characters long; at most " + MAX_COMMENT + " are allowed.");
        }
        return text.isEmpty() ? null : text;
    }

    private static String normaliseEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String clean = email.strip().toLowerCase(Locale.ROOT);
        if (clean.length() > 320 || !clean.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new WorkflowException("'" + email + "' is not an email address; name the reviewer by their email.");
        }
        return clean;
    }
}
