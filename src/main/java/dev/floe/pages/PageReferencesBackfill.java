package dev.floe.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the references of pages that existed before the reference table, once a serving instance is ready: in the
 * background, because questions about pages still waiting are answered by reading them meanwhile.
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
                log.warn("Recording what existing pages refer to stopped ({}); the next start goes on with the rest",
                        e.getMessage());
            }
        });
    }
}
