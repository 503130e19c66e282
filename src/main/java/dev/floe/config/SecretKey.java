package dev.floe.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The site's {@code SECRET_KEY}: signs preview links and tokens. In develop it is generated once into the var folder. */
public final class SecretKey {

    private final byte[] key;

    private SecretKey(String value) {
        this.key = value.getBytes(StandardCharsets.UTF_8);
    }

    static SecretKey load(FloeSettings settings) {
        if (settings.secretKey().isPresent()) {
            return new SecretKey(settings.secretKey().get());
        }
        // Production never gets here: FloeSettings refuses to start without SECRET_KEY.
        Path file = settings.varDir().resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return new SecretKey(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Path temp = Files.createTempFile(file.getParent(), "secret", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions apply
            }
            Files.writeString(temp, value);
            try {
                Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(temp);
            }
            return new SecretKey(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    /** HMAC-SHA256 of {@code message} under this key, base64url without padding. */
    public String sign(String purpose, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares signatures in constant time. */
    public boolean verify(String purpose, String message, String signature) {
        byte[] expected = sign(purpose, message).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
        return java.security.MessageDigest.isEqual(expected, given);
    }
}
