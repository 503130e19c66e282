package dev.floe.pages;

import java.time.Instant;

/**
 * What the public site needs to know of a live page before rendering it: no draft, no entity. Its content is the
 * content of {@code liveRevisionId}, which never changes, so it is parsed once and shared by every render (the home
 * page made by the first migration has no revision: its live content is read each time).
 */
public record LivePage(long id, String type, String path, Long liveRevisionId, Instant firstPublishedAt,
                       Instant lastPublishedAt) {
}
