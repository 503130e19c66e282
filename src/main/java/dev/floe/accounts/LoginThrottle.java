package dev.floe.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing (and floods of password-reset mail, counted the same way under their own subjects): after {@value #MAX_FAILURES} failed sign-ins within {@link #WINDOW} for one account, or
 * from one client address, further attempts for it are refused until the oldest of those failures is older than
 * the window. Failures are kept in the database, so every instance of Floe counts the same.
 */
@Service
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private static final String RESET = "reset-";

    private final LoginFailureRepository failures;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** How long sign-in stays refused for this email or address; empty when it is allowed now. */
    @Transactional(readOnly = true)
    public Optional<Duration> lockedFor(String email, String address) {
        return lockedFor(List.of(account(email), address(address)));
    }

    /**
     * How long asking for password-reset mail stays refused for this email or address: after {@value #MAX_FAILURES}
     * requests within {@link #WINDOW}, so that the form cannot flood a mailbox or the mail server. Requests for
     * unknown addresses count the same, so the refusal tells nobody whether an account exists.
     */
    @Transactional(readOnly = true)
    public Optional<Duration> resetRequestsLockedFor(String email, String address) {
        return lockedFor(List.of(RESET + account(email), RESET + address(address)));
    }

    /** Counts a request for password-reset mail against the email and the address. */
    @Transactional
    public void resetRequested(String email, String address) {
        Instant now = clock.instant();
        failures.forgetBefore(now.minus(WINDOW));
        failures.save(new LoginFailure(RESET + account(email), now));
        failures.save(new LoginFailure(RESET + address(address), now));
    }

    private Optional<Duration> lockedFor(List<String> subjects) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String subject : subjects) {
            List<Instant> recent = failures.failuresSince(subject, now.minus(WINDOW));
            if (recent.size() >= MAX_FAILURES) {
                Duration left = Duration.between(now, recent.get(MAX_FAILURES - 1).plus(WINDOW));
                if (left.compareTo(longest) > 0) {
                    longest = left;
                }
            }
        }
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    /** Counts a failed sign-in against the email and the address. */
    @Transactional
    public void failed(String email, String address) {
        Instant now = clock.instant();
        failures.forgetBefore(now.minus(WINDOW));
        failures.save(new LoginFailure(account(email), now));
        failures.save(new LoginFailure(address(address), now));
    }

    /** A successful sign-in clears the account's failures (not the address's: one good password does not vouch for others). */
    @Transactional
    public void succeeded(String email) {
        failures.forget(account(email), clock.instant().minus(WINDOW));
    }

    private static String account(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        return "account:" + (e.length() > 320 ? e.substring(0, 320) : e);
    }

    private static String address(String address) {
        return "address:" + (address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address);
    }
}
