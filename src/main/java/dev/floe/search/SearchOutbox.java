package dev.floe.search;

/** The outbox tables through which index updates travel (created by this feature's Liquibase changelog). */
final class SearchOutbox {

    static final String EVENT_TABLE = "search_outbox_event";
    static final String AGENT_TABLE = "search_agent";

    private SearchOutbox() {
    }
}
