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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/** Users and their API tokens. */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final String TOKEN_PREFIX = "floe_";
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final UserRepository users;
    private final GroupRepository groups;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    // Checked against when there is no such user, so that a wrong email takes as long as a wrong password. Made by the
    // first sign-in, whether or not its user exists, so that making it reveals nothing; making it at start-up cost
    // every start a bcrypt hash on the main thread.
    private final SingletonSupplier<String> unknownUserHash;

    Accounts(UserRepository users, GroupRepository groups, ApiTokenRepository tokens, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.groups = groups;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.unknownUserHash = SingletonSupplier.of(() -> passwordEncoder.encode("no such user " + random.nextLong()));
    }

    /**
     * The active user with this email and password, if both are right. A hash made with an older encoder is replaced
     * by one from the current default (bcrypt) as the password is known at this moment.
     */
    @Transactional
    public Optional<FloeUser> signIn(String email, String password) {
        if (email == null || password == null || email.length() > 320 || password.length() > 4096) {
            return Optional.empty();
        }
        String unknownUserHash = this.unknownUserHash.obtain();
        User user = users.findByEmailIgnoreCase(email.strip()).orElse(null);
        if (user == null || user.getPasswordHash() == null) {
            passwordEncoder.matches(password, unknownUserHash);
            return Optional.empty();
        }
        if (!passwordEncoder.matches(password, user.getPasswordHash()) || !user.isActive()) {
            return Optional.empty();
        }
        if (passwordEncoder.upgradeEncoding(user.getPasswordHash())) {
            user.changePassword(passwordEncoder.encode(password));
        }
        return Optional.of(toFloeUser(user));
    }

    /** The user as they are now, if they still exist and are active: permissions changed since sign-in count at once. */
    @Transactional(readOnly = true)
    public Optional<FloeUser> findActive(long id) {
        return users.findById(id).filter(User::isActive).map(Accounts::toFloeUser);
    }

    /** The user with this email, active or not. */
    @Transactional(readOnly = true)
    public Optional<FloeUser> findUserByEmail(String email) {
        return email == null ? Optional.empty() : users.findByEmailIgnoreCase(email.strip()).map(Accounts::toFloeUser);
    }

    /** A user as the admin lists them. */
    public record UserSummary(long id, String email, String name, boolean superuser, boolean active, Instant createdAt,
                              List<String> groups, Set<Long> groupIds) {
    }

    /** One page of users and how many match in all. */
    public record UserList(List<UserSummary> items, long total) {
    }

    /** An API token as the admin lists it; the token itself is never stored, so never shown again. */
    public record TokenSummary(long id, long userId, String userEmail, String label, Instant createdAt, Instant lastUsedAt,
                               Instant revokedAt) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    /** Users whose email or name contains {@code query} (all when blank), by email. */
    @Transactional(readOnly = true)
    public UserList searchUsers(String query, int offset, int limit) {
        String pattern = "%" + (query == null ? "" : query.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "").replace("%", "").replace("_", "")) + "%";
        List<UserSummary> items = users.search(pattern, new dev.floe.pages.PageTree.OffsetPage(Math.max(0, offset), Math.min(Math.max(1, limit), 200)))
                .map(Accounts::summary).getContent();
        return new UserList(items, users.countMatching(pattern));
    }

    @Transactional(readOnly = true)
    public UserSummary user(long id) {
        return summary(findUser(id));
    }

    /**
     * Adds a user from the admin. Only a superuser may make another superuser.
     */
    @Transactional
    public UserSummary addUser(String email, String name, String password, boolean superuser, Set<Long> groupIds, FloeUser actor) {
        if (superuser && !actor.superuser()) {
            throw new AccountException("Only a superuser may make another superuser.");
        }
        String normalised = checkEmail(email);
        checkPassword(password);
        if (users.findByEmailIgnoreCase(normalised).isPresent()) {
            throw new AccountException("There is already a user " + normalised + ".");
        }
        User user = new User(normalised, passwordEncoder.encode(password), superuser, clock.instant());
        user.update(normalised, blankToNull(name), superuser, true);
        user.setGroups(groupsById(groupIds));
        return summary(users.save(user));
    }

    /**
     * Changes a user's details, groups and whether they are active. Only a superuser may change a superuser or make
     * one, and nobody may deactivate themselves or take away their own superuser status.
     */
    @Transactional
    public UserSummary updateUser(long id, String email, String name, boolean active, boolean superuser, Set<Long> groupIds, FloeUser actor) {
        User user = findUser(id);
        if ((user.isSuperuser() || superuser) && !actor.superuser()) {
            throw new AccountException("Only a superuser may change a superuser or make one.");
        }
        if (actor.id() == id && !active) {
            throw new AccountException("You cannot deactivate yourself; ask another administrator.");
        }
        if (actor.id() == id && user.isSuperuser() && !superuser) {
            throw new AccountException("You cannot take away your own superuser status; ask another superuser.");
        }
        String normalised = checkEmail(email);
        users.findByEmailIgnoreCase(normalised).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw new AccountException("There is already a user " + normalised + ".");
        });
        user.update(normalised, blankToNull(name), superuser, active);
        user.setGroups(groupsById(groupIds));
        return summary(user);
    }

    /** Sets a user's password as an administrator does: no current password needed. */
    @Transactional
    public void setPassword(long userId, String password) {
        checkPassword(password);
        findUser(userId).changePassword(passwordEncoder.encode(password));
    }

    /** Changes the signed-in user's own password, which needs their current one. */
    @Transactional
    public void changePassword(long userId, String current, String password) {
        User user = findUser(userId);
        if (current == null || user.getPasswordHash() == null || !passwordEncoder.matches(current, user.getPasswordHash())) {
            throw new AccountException("The current password is not right.");
        }
        checkPassword(password);
        user.changePassword(passwordEncoder.encode(password));
    }

    /** Tokens of one user, newest first; all users' when {@code userId} is null. */
    @Transactional(readOnly = true)
    public List<TokenSummary> tokens(Long userId) {
        List<ApiToken> found = userId == null ? tokens.findAllByOrderByCreatedAtDesc() : tokens.findByUserIdOrderByCreatedAtDesc(userId);
        java.util.Map<Long, String> emails = new java.util.HashMap<>();
        return found.stream().map(t -> new TokenSummary(t.getId(), t.getUserId(),
                emails.computeIfAbsent(t.getUserId(), uid -> users.findById(uid).map(User::getEmail).orElse("?")),
                t.getLabel(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt())).toList();
    }

    @Transactional(readOnly = true)
    public TokenSummary token(long tokenId) {
        ApiToken t = tokens.findById(tokenId).orElseThrow(() -> new AccountNotFoundException("There is no token " + tokenId + "."));
        String email = users.findById(t.getUserId()).map(User::getEmail).orElse("?");
        return new TokenSummary(t.getId(), t.getUserId(), email, t.getLabel(), t.getCreatedAt(), t.getLastUsedAt(), t.getRevokedAt());
    }

    /** Makes an API token for the user; the returned string is the only copy. */
    @Transactional
    public String createToken(long userId, String label) {
        String clean = blankToNull(label);
        if (clean == null) {
            throw new AccountException("Say what the token is for, so that it can be recognised later.");
        }
        if (clean.length() > 200) {
            throw new AccountException("The label must be at most 200 characters long.");
        }
        return createToken(findUser(userId).getEmail(), clean);
    }

    private User findUser(long id) {
        return users.findById(id).orElseThrow(() -> new AccountNotFoundException("There is no user " + id + "."));
    }

    private Set<Group> groupsById(Set<Long> ids) {
        Set<Group> found = new java.util.HashSet<>(groups.findAllById(ids == null ? Set.of() : ids));
        if (ids != null && found.size() != ids.size()) {
            throw new AccountException("One of the chosen groups does not exist any more; reload the page.");
        }
        return found;
    }

    private static UserSummary summary(User user) {
        List<Group> sorted = user.getGroups().stream().sorted(java.util.Comparator.comparing(Group::getName)).toList();
        return new UserSummary(user.getId(), user.getEmail(), user.getName(), user.isSuperuser(), user.isActive(),
                user.getCreatedAt(), sorted.stream().map(Group::getName).toList(),
                sorted.stream().map(Group::getId).collect(java.util.stream.Collectors.toSet()));
    }

    /** The stored hash, for tests of how passwords are kept. */
    @Transactional(readOnly = true)
    String passwordHashOf(String email) {
        return users.findByEmailIgnoreCase(email).map(User::getPasswordHash).orElse(null);
    }

    /** Deactivates a user: they cannot sign in, their sessions end at their next request and their API tokens stop working. */
    @Transactional
    public void deactivate(long userId) {
        User user = users.findById(userId).orElseThrow(() -> new AccountNotFoundException("There is no user " + userId + "."));
        user.update(user.getEmail(), user.getName(), user.isSuperuser(), false);
    }

    /** Creates an active user in the named groups. */
    @Transactional
    public FloeUser createUser(String email, String name, String password, boolean superuser, Set<String> groupNames) {
        String normalised = checkEmail(email);
        checkPassword(password);
        if (users.findByEmailIgnoreCase(normalised).isPresent()) {
            throw new AccountException("There is already a user " + normalised + ".");
        }
        User user = new User(normalised, passwordEncoder.encode(password), superuser, clock.instant());
        user.update(normalised, blankToNull(name), superuser, true);
        user.setGroups(groupNames.stream()
                .map(n -> groups.findByNameIgnoreCase(n).orElseThrow(() -> new AccountException("There is no group " + n + ".")))
                .collect(java.util.stream.Collectors.toSet()));
        return toFloeUser(users.save(user));
    }

    /** Creates a superuser, or makes an existing user one and sets their password. */
    @Transactional
    public FloeUser createSuperuser(String email, String password) {
        String normalised = checkEmail(email);
        checkPassword(password);
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
        tokens.findById(tokenId).orElseThrow(() -> new AccountNotFoundException("There is no token " + tokenId + "."))
                .revoke(clock.instant());
    }

    static FloeUser toFloeUser(User user) {
        Set<String> permissions = new java.util.HashSet<>();
        if (user.isSuperuser()) {
            permissions.addAll(FloeUser.ALL_PERMISSIONS);
        } else {
            user.getGroups().forEach(group -> permissions.addAll(group.getPermissions()));
            permissions.retainAll(FloeUser.ALL_PERMISSIONS);
        }
        return new FloeUser(user.getId(), user.getEmail(), user.isSuperuser(), permissions);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new AccountException("The password must be at least " + MIN_PASSWORD + " characters long.");
        }
        // bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused.
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException("The password must be at most " + MAX_PASSWORD_BYTES + " bytes long (72 letters without accents).");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String checkEmail(String email) {
        if (email == null || email.length() > 320 || !EMAIL.matcher(email.strip()).matches()) {
            throw new AccountException("'" + email + "' is not an email address.");
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
