package dev.floe.accounts;

import dev.floe.config.Mailer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.config.FloeSettings;

/**
 * Forgotten passwords: a one-time link by mail, valid for {@link #VALID_FOR}, stored only as a hash. Asking for a
 * link looks the same whether or not the address has an account, so it cannot be used to find out who has one.
 */
@Service
public class PasswordResets {

    public static final Duration VALID_FOR = Duration.ofHours(1);
    public static final String PATH = "/admin/password-reset/";

    private final UserRepository users;
    private final PasswordResetRepository resets;
    private final PasswordEncoder passwordEncoder;
    private final Mailer mailer;
    private final FloeSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(UserRepository users, PasswordResetRepository resets, PasswordEncoder passwordEncoder, Mailer mailer,
                   FloeSettings settings, Clock clock) {
        this.users = users;
        this.resets = resets;
        this.passwordEncoder = passwordEncoder;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    /** Mails a reset link to the address if an active user has it; does nothing visible otherwise. */
    @Transactional
    public void request(String email) {
        if (email == null || email.isBlank() || email.length() > 320) {
            return;
        }
        Optional<User> user = users.findByEmailIgnoreCase(email.strip()).filter(User::isActive);
        if (user.isEmpty()) {
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        resets.save(new PasswordReset(user.get().getId(), Accounts.sha256(token), now, now.plus(VALID_FOR)));
        mailer.send(new Mailer.Message(user.get().getEmail(), "Reset your Floe password", """
                Someone, probably you, asked to reset the password of your Floe account %s.

                To choose a new password, open this link within the next hour:
                %s%s%s/

                The link works once. If you did not ask for it, ignore this mail: your password stays as it is.
                """.formatted(user.get().getEmail(), settings.baseUrl(), PATH, token)));
    }

    /** Whether the token is a link that can still be used. */
    @Transactional(readOnly = true)
    public boolean isValid(String token) {
        return find(token).isPresent();
    }

    /** Sets the new password and spends the link (and any other open link of the same user). */
    @Transactional
    public String reset(String token, String password) {
        PasswordReset reset = find(token).orElseThrow(() -> new AccountException(
                "This reset link has expired or was already used; ask for a new one."));
        Accounts.checkPassword(password);
        User user = users.findById(reset.getUserId()).filter(User::isActive)
                .orElseThrow(() -> new AccountException("This account is deactivated; ask an administrator."));
        user.changePassword(passwordEncoder.encode(password));
        resets.useAllOf(user.getId(), clock.instant());
        return user.getEmail();
    }

    private Optional<PasswordReset> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return resets.findByTokenHash(Accounts.sha256(token)).filter(r -> r.usableAt(now));
    }
}
