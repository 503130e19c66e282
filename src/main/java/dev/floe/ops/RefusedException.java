package dev.floe.ops;

/** Something an operator asked for that Floe refuses before changing anything; the message says why and what to do. */
public class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
