package dev.floe.pages;

import java.util.List;

/** Pages moved to new paths (a move or a slug change), announced inside the transaction that moved them. */
public record PagePathsChanged(List<PathChange> changes) {

    /** One page's old and new path, and whether the old path was publicly served. */
    public record PathChange(long pageId, String oldPath, String newPath, boolean wasLive) {
    }
}
