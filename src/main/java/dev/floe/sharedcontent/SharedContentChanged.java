package dev.floe.sharedcontent;

/** Shared content was edited or deleted, announced inside the transaction that changed it. */
public record SharedContentChanged(long id) {
}
