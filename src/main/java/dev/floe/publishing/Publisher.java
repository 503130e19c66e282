package dev.floe.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.pages.Author;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageHistory;
import dev.floe.pages.PageTree;
import dev.floe.pages.PagesBinned;
import dev.floe.pages.Revision;

/**
 * Moves content between draft and live: publish, unpublish, revert to live, and the schedule of go-live and expiry.
 * Each step is one transaction; listeners of the events it announces run inside it, so a failure leaves the live
 * site as it was.
 */
@Service
public class Publisher {

    private final PageEditor editor;
    private final PageTree tree;
    private final PageHistory history;
    private final ScheduledJobRepository jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Publisher(PageEditor editor, PageTree tree, PageHistory history, ScheduledJobRepository jobs,
              ApplicationEventPublisher events, Clock clock) {
        this.editor = editor;
        this.tree = tree;
        this.history = history;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes the current draft now; {@code basedOnVersion}, when given, must be the draft version the caller saw. */
    @Transactional
    public Page publish(long pageId, Integer basedOnVersion, Author author) {
        Page page = basedOnVersion == null ? editor.lock(pageId) : editor.lockCurrent(pageId, basedOnVersion);
        Revision revision = editor.record(page, Revision.Kind.PUBLISHED, author, clock.instant());
        cancelPending(pageId, ScheduledJob.Action.PUBLISH, "superseded by a publication by " + author.email());
        return publishRevision(page, revision);
    }

    @Transactional
    public Page unpublish(long pageId, Author author) {
        Page page = editor.lock(pageId);
        if (page.isHome()) {
            throw new PublishingException("The home page cannot be unpublished; publish another version of it instead.");
        }
        if (!page.isLive()) {
            throw new PublishingException("Page " + pageId + " is not published.");
        }
        List<String> paths = new ArrayList<>();
        page.takeOffline();
        paths.add(page.getPath());
        for (Page descendant : tree.descendants(page)) {
            if (descendant.isLive()) {
                editor.lock(descendant.getId()).takeOffline();
                paths.add(descendant.getPath());
            }
        }
        cancelPending(pageId, ScheduledJob.Action.UNPUBLISH, "unpublished by " + author.email());
        events.publishEvent(new PageUnpublished(pageId, paths));
        return page;
    }

    /** Discards the draft's changes: the draft becomes the live content again. */
    @Transactional
    public Page revertToLive(long pageId, Author author) {
        return editor.replaceDraftWithLive(pageId, author);
    }

    /** When the page's pending go-live and expiry are due; empty when nothing is scheduled. */
    public record Schedule(Optional<Instant> goLiveAt, Optional<Instant> expireAt) {
        static final Schedule NONE = new Schedule(Optional.empty(), Optional.empty());
    }

    @Transactional(readOnly = true)
    public Schedule schedule(long pageId) {
        Optional<Instant> goLive = Optional.empty();
        Optional<Instant> expire = Optional.empty();
        for (ScheduledJob job : jobs.findPending(pageId)) {
            if (job.getAction() == ScheduledJob.Action.PUBLISH && goLive.isEmpty()) {
                goLive = Optional.of(job.getRunAt());
            } else if (job.getAction() == ScheduledJob.Action.UNPUBLISH && expire.isEmpty()) {
                expire = Optional.of(job.getRunAt());
            }
        }
        return goLive.isEmpty() && expire.isEmpty() ? Schedule.NONE : new Schedule(goLive, expire);
    }

    /** A pending go-live ({@code publish} true) or expiry of a page, and when it is due. */
    public record Upcoming(long pageId, boolean publish, Instant runAt, String createdBy) {
    }

    /** The next scheduled go-lives and expiries across the site, soonest first. */
    @Transactional(readOnly = true)
    public List<Upcoming> upcoming(int limit) {
        return jobs.findAllPending(org.springframework.data.domain.PageRequest.of(0, limit)).stream()
                .map(job -> new Upcoming(job.getPageId(), job.getAction() == ScheduledJob.Action.PUBLISH, job.getRunAt(),
                        job.getCreatedBy()))
                .toList();
    }

    /** Every page with a pending go-live or expiry. */
    @Transactional(readOnly = true)
    public List<Long> scheduledPageIds() {
        return jobs.findPendingPageIds();
    }

    /**
     * Sets when the page goes live (publishing its current draft as it stands now) and when it expires. A null time
     * clears that part of the schedule.
     */
    @Transactional
    public Schedule setSchedule(long pageId, Instant goLiveAt, Instant expireAt, Author author) {
        Page page = editor.lock(pageId);
        Instant now = clock.instant();
        if (goLiveAt != null && !goLiveAt.isAfter(now)) {
            throw new PublishingException("go_live_at must be in the future; to publish now, use publish.");
        }
        if (expireAt != null && !expireAt.isAfter(now)) {
            throw new PublishingException("expire_at must be in the future; to take the page down now, use unpublish.");
        }
        if (goLiveAt != null && expireAt != null && !expireAt.isAfter(goLiveAt)) {
            throw new PublishingException("expire_at must be later than go_live_at.");
        }
        if (expireAt != null && goLiveAt == null && !page.isLive()) {
            throw new PublishingException("Page " + pageId + " is not published, so it cannot expire; set go_live_at as well.");
        }
        cancelPending(pageId, ScheduledJob.Action.PUBLISH, "rescheduled by " + author.email());
        cancelPending(pageId, ScheduledJob.Action.UNPUBLISH, "rescheduled by " + author.email());
        if (goLiveAt != null) {
            Revision revision = history.draftRevision(page);
            jobs.save(new ScheduledJob(pageId, ScheduledJob.Action.PUBLISH, revision.getId(), goLiveAt, author.email(), now));
        }
        if (expireAt != null) {
            jobs.save(new ScheduledJob(pageId, ScheduledJob.Action.UNPUBLISH, null, expireAt, author.email(), now));
        }
        jobs.flush();
        return new Schedule(Optional.ofNullable(goLiveAt), Optional.ofNullable(expireAt));
    }

    /**
     * Publishes a scheduled revision, recorded again as a publication so the history shows when it went live;
     * called by the scheduler with the page already locked.
     */
    Page publishScheduled(Page page, long revisionId) {
        Revision scheduled = history.revision(page.getId(), revisionId);
        Revision publication = editor.recordAgain(page, scheduled, Revision.Kind.PUBLISHED, Author.system("scheduler"), clock.instant());
        return publishRevision(page, publication);
    }

    private Page publishRevision(Page page, Revision revision) {
        if (!page.isHome()) {
            Page parent = tree.get(page.getParentId());
            if (!parent.isLive()) {
                throw new PublishingException("The parent page " + parent.getPath() + " is not published; publish it first.");
            }
        }
        editor.makeLive(page, revision, history.content(revision).title(), clock.instant());
        events.publishEvent(new PagePublished(page.getId(), page.getPath(), revision.getId()));
        return page;
    }

    /**
     * Pages moved into the bin: their schedules are cancelled, and their old live paths are announced as unpublished,
     * within the deleting transaction, so caches, menus and search forget them just as after an unpublish.
     */
    @EventListener
    void onBinned(PagesBinned event) {
        for (long pageId : event.pageIds()) {
            for (ScheduledJob job : jobs.findPending(pageId)) {
                job.finish("-", clock.instant(), "cancelled: the page was deleted");
            }
        }
        if (!event.livePaths().isEmpty()) {
            events.publishEvent(new PageUnpublished(event.pageId(), event.livePaths()));
        }
    }

    private void cancelPending(long pageId, ScheduledJob.Action action, String why) {
        for (ScheduledJob job : jobs.findPending(pageId)) {
            if (job.getAction() == action) {
                job.finish("-", clock.instant(), "cancelled: " + why);
            }
        }
    }
}
