package dev.floe.accounts;

/** The signed-in user may not do what they asked; the message says which permission is missing. */
public class PermissionDeniedException extends RuntimeException {
    public PermissionDeniedException(String message) {
        super(message);
    }
}
