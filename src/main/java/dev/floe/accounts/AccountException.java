package dev.floe.accounts;

/** An account operation that cannot be done as asked; the message says why. */
public class AccountException extends RuntimeException {
    public AccountException(String message) {
        super(message);
    }
}
