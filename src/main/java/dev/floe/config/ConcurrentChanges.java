package dev.floe.config;

/**
 * What a user is told when the database refused a change because another transaction held the same rows at that
 * moment (a deadlock between two editors' saves, or a lock not granted in time): nothing was saved, so trying again is
 * safe. The API and the admin answer it with 409, as for an edit made on a stale version.
 */
public final class ConcurrentChanges {

    public static final String REFUSED = "Another change to the same content was being saved at the same moment, so this one"
            + " was not saved and nothing was changed. Try again.";

    private ConcurrentChanges() {
    }
}
