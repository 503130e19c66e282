package dev.floe.accounts;

/** The user, group or token asked for does not exist. */
public class AccountNotFoundException extends AccountException {
    public AccountNotFoundException(String message) {
        super(message);
    }
}
