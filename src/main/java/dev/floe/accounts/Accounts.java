package dev.floe.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users and their API tokens. */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 10;
    private static final String TOKEN_PREFIX = "floe_";
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Accounts(UserRepository users, ApiTokenRepository tokens, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates a superuser, or makes an existing user one and sets their password. */
    @Transactional
    public FloeUser createSuperuser(String email, String password) {
        String normalised = checkEmail(email);
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new AccountException("The password must be at least " + MIN_PASSWORD + " characters long.");
        }
        String hash = passwordEncoder.encode(password);
        User user = users.findByEmailIgnoreCase(normalised).orElse(null);
        if (user == null) {
            user = users.save(new User(normalised, hash, true, clock.instant()));
        } else {
            user.changePassword(hash);
            user.makeSuperuser();
        }
        return toFloeUser(user);
    }

    /** Makes a new API token for the user; the returned string is the only copy of the token. */
    @Transactional
    public String createToken(String email, String label) {
        User user = users.findByEmailIgnoreCase(checkEmail(email))
                .orElseThrow(() -> new AccountException("There is no user " + email + "; create one with floe createsuperuser."));
        if (!user.isActive()) {
            throw new AccountException("The user " + email + " is deactivated.");
        }
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(new ApiToken(user.getId(), sha256(token), label, clock.instant()));
        return token;
    }

    /** The user a bearer token belongs to, if the token is known, not revoked and its user active. */
    @Transactional
    public Optional<FloeUser> authenticateToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(sha256(token))
                .filter(t -> !t.isRevoked())
                .flatMap(t -> users.findById(t.getUserId()).filter(User::isActive).map(user -> {
                    Instant now = clock.instant();
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
                        t.used(now);
                    }
                    return toFloeUser(user);
                }));
    }

    @Transactional
    public void revokeToken(long tokenId) {
        tokens.findById(tokenId).orElseThrow(() -> new AccountException("There is no token " + tokenId + "."))
                .revoke(clock.instant());
    }

    private static FloeUser toFloeUser(User user) {
        Set<String> permissions = user.isSuperuser() ? FloeUser.ALL_PERMISSIONS : Set.of();
        return new FloeUser(user.getId(), user.getEmail(), user.isSuperuser(), permissions);
    }

    private static String checkEmail(String email) {
        if (email == null || email.length() > 320 || !EMAIL.matcher(email.strip()).matches()) {
            throw new AccountException("'" + email + "' is not an email address.");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
