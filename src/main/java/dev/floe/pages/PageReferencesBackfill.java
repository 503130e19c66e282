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
 * reference table, then at every tick of the scheduler, for pages an instance of the previous release wrote during a
 * rolling upgrade.
 */
@Component
@ConditionalOnWebApplication
class PageReferencesBackfill {

    private static final Logger log = LoggerFactory.getLogger(PageReferencesBackfill.class);

    private final PageReferences references;

    PageReferencesBackfill(PageReferences references) {
        this.references = references;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread.ofVirtual().name("page-references-backfill").start(() -> {
            try {
                references.backfillPending();
            } catch (RuntimeException e) {
                log.warn("Recording what existing pages refer to stopped ({}); the scheduler goes on with the rest",
                        e.getMessage());
            }
        });
    }

    @Scheduled(fixedDelayString = "${floe.scheduler-interval}", initialDelayString = "${floe.scheduler-interval}")
    void recordWaitingPages() {
        try {
            references.backfillPending();
        } catch (RuntimeException e) {
            log.warn("Recording what waiting pages refer to failed this time: {}", e.getMessage());
        }
    }
}
