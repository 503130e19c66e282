package dev.floe.pages;

/** There is no such page in the bin (never deleted, restored, or purged). */
public class BinEntryNotFoundException extends RuntimeException {
    public BinEntryNotFoundException(long pageId) {
        super("Page " + pageId + " is not in the bin: it was never deleted, or it has been restored or purged.");
    }
}
