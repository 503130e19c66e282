package dev.floe.blocks;

/** Why an embed could not be fetched, as the end of a sentence an editor can act on. */
class EmbedFailure extends Exception {

    EmbedFailure(String reason) {
        super(reason);
    }
}
