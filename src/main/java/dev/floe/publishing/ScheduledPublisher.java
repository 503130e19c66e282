package dev.floe.publishing;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.floe.pages.Author;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageNotFoundException;

/**
 * Carries out go-live and expiry when they fall due. Each job runs in its own transaction that first locks the job's
 * row and re-reads it, so when several instances poll one database each job is done exactly once.
 */
@Service
public class ScheduledPublisher {

    private static final Logger log = LoggerFactory.getLogger(ScheduledPublisher.class);

    private final ScheduledJobRepository jobs;
    private final PageEditor editor;
    private final Publisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    ScheduledPublisher(ScheduledJobRepository jobs, PageEditor editor, Publisher publisher,
                       TransactionTemplate transactions, Clock clock) {
        this.jobs = jobs;
        this.editor = editor;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one run did. */
    public record Report(int done, int failed) {
    }

    @Scheduled(fixedDelayString = "${floe.scheduler-interval}", initialDelayString = "${floe.scheduler-interval}")
    void poll() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("Scheduled publishing could not run this time: {}", e.getMessage());
        }
    }

    /** Runs every job due now. Returns how many this instance carried out and how many it found impossible. */
    public Report runDue() {
        Instant now = clock.instant();
        List<Long> due = transactions.execute(status -> jobs.findDue(now));
        int done = 0;
        int failed = 0;
        for (long id : due) {
            Outcome outcome = runOne(id);
            if (outcome == Outcome.DONE) {
                done++;
            } else if (outcome == Outcome.FAILED) {
                failed++;
            }
        }
        return new Report(done, failed);
    }

    private enum Outcome { DONE, FAILED, TAKEN }

    private Outcome runOne(long id) {
        try {
            return transactions.execute(status -> {
                ScheduledJob job = jobs.findForUpdate(id).orElse(null);
                if (job == null || job.isDone()) {
                    return Outcome.TAKEN;
                }
                Author author = Author.system("scheduler");
                Page page = editor.lock(job.getPageId());
                if (job.getAction() == ScheduledJob.Action.PUBLISH) {
                    publisher.publishScheduled(page, job.getRevisionId());
                } else if (page.isLive()) {
                    publisher.unpublish(page.getId(), author);
                }
                job.finish(instance, clock.instant(), "done");
                log.info("Scheduled {} of page {} ({}) done", job.getAction().name().toLowerCase(), page.getId(), page.getPath());
                return Outcome.DONE;
            });
        } catch (PublishingException | PageNotFoundException e) {
            // The page's state forbids the job (its parent was unpublished, say): record why instead of retrying forever.
            transactions.executeWithoutResult(status -> jobs.findForUpdate(id).ifPresent(job -> {
                if (!job.isDone()) {
                    job.finish(instance, clock.instant(), "failed: " + e.getMessage());
                }
            }));
            log.warn("Scheduled job {} could not be carried out: {}", id, e.getMessage());
            return Outcome.FAILED;
        }
    }
}
