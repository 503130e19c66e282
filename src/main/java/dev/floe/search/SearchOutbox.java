package dev.floe.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox tables through which index updates travel (created by this feature's Liquibase changelog), and their
 * upkeep: Hibernate Search gives up on an update after three failed attempts (the search engine was down), so an
 * instance that processes the outbox puts given-up updates back in the queue until the engine takes them.
 */
@Component
class SearchOutbox {

    static final String EVENT_TABLE = "search_outbox_event";
    static final String AGENT_TABLE = "search_agent";

    private static final Logger log = LoggerFactory.getLogger(SearchOutbox.class);

    private final JdbcTemplate jdbc;
    private final boolean processes;

    SearchOutbox(JdbcTemplate jdbc, SearchConfiguration.IndexWriterRole role) {
        this.jdbc = jdbc;
        this.processes = role.processes();
    }

    @Scheduled(fixedDelayString = "${floe.search.retry-interval:30s}", initialDelayString = "${floe.search.retry-interval:30s}")
    void requeueAbandonedUpdates() {
        if (!processes) {
            return;
        }
        int requeued = jdbc.update("update " + EVENT_TABLE + " set status = 'PENDING', retries = 0, process_after = CURRENT_TIMESTAMP"
                + " where status = 'ABORTED'");
        if (requeued > 0) {
            log.info("Queued {} search index update(s) again that failed while the search engine was unavailable", requeued);
        }
    }
}
