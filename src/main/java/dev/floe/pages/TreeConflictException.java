package dev.floe.pages;

/** A change that would break the page tree's rules: a slug taken among siblings, a move into its own subtree, ... */
public class TreeConflictException extends RuntimeException {
    public TreeConflictException(String message) {
        super(message);
    }
}
