package dev.floe.publishing;

/** A page's live version was replaced; announced inside the publishing transaction, so a failing listener undoes it. */
public record PagePublished(long pageId, String path, long revisionId) {
}
