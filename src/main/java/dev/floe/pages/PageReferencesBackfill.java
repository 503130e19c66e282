package dev.floe.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the references of waiting pages (see {@link PageReferences}) in the background, because questions about
 * them are answered by reading them meanwhile: once a serving instance is ready, for the pages that existed before the
 * reference table or were recorded by other page and block types (the instance first makes its types' layout the
 * current one), then at every tick of the scheduler, for pages an instance of the previous release wrote during a
 * rolling upgrade.
 */
@Component
@ConditionalOnWebApplication
class PageReferencesBackfill {

    private static final Logger log = LoggerFactory.getLogger(PageReferencesBackfill.class);

    private final PageReferences references;
    private Thread run;
    private volatile boolean layoutAdopted;

    PageReferencesBackfill(PageReferences references) {
        this.references = references;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        recordInBackground();
    }

    @Scheduled(fixedDelayString = "${floe.scheduler-interval}", initialDelayString = "${floe.scheduler-interval}")
    void recordWaitingPages() {
        recordInBackground();
    }

    /**
     * Starts recording the waiting pages on a thread of its own, unless a run is still going, and returns the run.
     * Not on the scheduler's thread: after a migration the backlog can take minutes, and scheduled publishing shares
     * that thread.
     */
    synchronized Thread recordInBackground() {
        if (run == null || !run.isAlive()) {
            run = Thread.ofVirtual().name("page-references-backfill").start(() -> {
                try {
                    if (!layoutAdopted) {
                        references.adoptLayout();
                        layoutAdopted = true;
                    }
                    references.backfillPending();
                } catch (RuntimeException e) {
                    log.warn("Recording what waiting pages refer to stopped ({}); the next scheduler tick goes on with the rest",
                            e.getMessage());
                }
            });
        }
        return run;
    }
}
