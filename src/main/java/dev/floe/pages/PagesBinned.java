package dev.floe.pages;

import java.util.List;

/**
 * A page and its descendants went into the bin, announced inside the transaction that moved them: {@code livePaths}
 * were served until now and are not any more.
 */
public record PagesBinned(long pageId, List<Long> pageIds, List<String> livePaths) {
}
