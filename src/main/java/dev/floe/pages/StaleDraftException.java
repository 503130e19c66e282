package dev.floe.pages;

import java.time.Instant;

/** A save was based on an older version of the draft than the one stored: someone else saved in between. */
public class StaleDraftException extends RuntimeException {

    private final int currentVersion;
    private final String savedBy;
    private final Instant savedAt;

    public StaleDraftException(int basedOn, int currentVersion, String savedBy, Instant savedAt) {
        super("This draft was changed by " + (savedBy == null ? "someone else" : savedBy) + " at " + savedAt
                + " (version " + currentVersion + "); your change was based on version " + basedOn
                + ". Reload the page, then apply your change again.");
        this.currentVersion = currentVersion;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public String savedBy() {
        return savedBy;
    }

    public Instant savedAt() {
        return savedAt;
    }
}
