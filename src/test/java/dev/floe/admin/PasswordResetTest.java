package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import dev.floe.support.FloeIntegrationTest;

/** A forgotten password is reset through a one-time link mailed over SMTP (a real GreenMail server on 127.0.0.1). */
class PasswordResetTest extends FloeIntegrationTest {

    private static final GreenMail SMTP = startSmtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("EMAIL_HOST", () -> "127.0.0.1");
        registry.add("EMAIL_PORT", () -> Integer.toString(SMTP.getSmtp().getPort()));
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    private static GreenMail startSmtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    private String newUser() {
        String email = unique("forgetful") + "@reset.test";
        accounts.createUser(email, null, AdminRole.PASSWORD, false, Set.of("Editors"));
        return email;
    }

    private String mailedToken(String email) {
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("a mail arrives").isTrue();
        MimeMessage[] messages = SMTP.getReceivedMessages();
        assertThat(messages).hasSize(1);
        try {
            assertThat(messages[0].getAllRecipients()[0].toString()).isEqualTo(email);
            assertThat(messages[0].getSubject()).isEqualTo("Reset your Floe password");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        Matcher link = Pattern.compile("/admin/password-reset/([A-Za-z0-9_-]{30,})/").matcher(GreenMailUtil.getBody(messages[0]));
        assertThat(link.find()).as("the mail has a reset link").isTrue();
        return link.group(1);
    }

    @Test
    void aMailedLinkSetsANewPasswordOnce() {
        String email = newUser();
        AdminClient client = AdminClient.anonymous(port);
        assertThat(client.get("/admin/login/").body()).contains("href=\"/admin/password-reset/\"");
        assertThat(client.get("/admin/password-reset/").body()).contains("<label for=\"id_email\">Email");

        AdminClient.Response sent = client.post("/admin/password-reset/", Map.of("email", email.toUpperCase()));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your mail");
        String token = mailedToken(email);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_reset WHERE token_hash = ?").param(token).query(Long.class).single())
                .as("the token itself is not stored").isZero();

        assertThat(client.get("/admin/password-reset/" + token + "/").status()).isEqualTo(200);
        AdminClient.Response differ = client.post("/admin/password-reset/" + token + "/", Map.of("password", "one new password", "password2", "another"));
        assertThat(differ.status()).isEqualTo(422);
        AdminClient.Response reset = client.post("/admin/password-reset/" + token + "/", Map.of("password", "my new password", "password2", "my new password"));
        assertThat(reset.status()).isEqualTo(303);
        assertThat(reset.location()).isEqualTo("/admin/login/");
        assertThat(client.get("/admin/login/").body()).contains("Your password was changed", "value=\"" + email + "\"");

        assertThat(AdminClient.anonymous(port).signIn(email, AdminRole.PASSWORD).status()).isEqualTo(200);
        assertThat(AdminClient.anonymous(port).signIn(email, "my new password").status()).isEqualTo(302);

        assertThat(client.get("/admin/password-reset/" + token + "/").status()).as("the link works once").isEqualTo(410);
        assertThat(client.post("/admin/password-reset/" + token + "/", Map.of("password", "a third password", "password2", "a third password")).status())
                .isEqualTo(410);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        AdminClient client = AdminClient.anonymous(port);
        client.get("/admin/password-reset/");
        AdminClient.Response sent = client.post("/admin/password-reset/", Map.of("email", unique("nobody") + "@reset.test"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("Check your mail");
        assertThat(SMTP.waitForIncomingEmail(1_000, 1)).isFalse();
    }

    @Test
    void anExpiredLinkIsRefused() {
        String email = newUser();
        long userId = accounts.findUserByEmail(email).orElseThrow().id();
        String token = unique("expired-token-that-is-long-enough");
        Instant past = Instant.now().minusSeconds(2 * 3600);
        jdbc.sql("INSERT INTO password_reset (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(userId, sha256(token), java.sql.Timestamp.from(past), java.sql.Timestamp.from(past.plusSeconds(3600))).update();
        AdminClient client = AdminClient.anonymous(port);
        AdminClient.Response expired = client.get("/admin/password-reset/" + token + "/");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body()).contains("expired or was already used");
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void askingForResetLinksIsLimitedPerAccountAndPerAddress() throws Exception {
        String email = newUser();
        for (int i = 0; i < 5; i++) {
            AdminClient client = AdminClient.anonymous(port);
            client.get("/admin/password-reset/");
            assertThat(client.post("/admin/password-reset/", Map.of("email", email)).status()).isEqualTo(200);
        }
        assertThat(SMTP.waitForIncomingEmail(10_000, 5)).isTrue();
        AdminClient sixth = AdminClient.anonymous(port);
        sixth.get("/admin/password-reset/");
        AdminClient.Response refused = sixth.post("/admin/password-reset/", Map.of("email", email));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many reset links", "try again in 15 minutes");
        assertThat(SMTP.waitForIncomingEmail(1_000, 6)).as("no sixth mail").isFalse();

        // One address asking for many accounts, known or not, is refused too, with the same answer for both.
        AdminClient sprayer = AdminClient.anonymous(port);
        sprayer.get("/admin/password-reset/");
        for (int i = 0; i < 5; i++) {
            assertThat(sprayer.post("/admin/password-reset/", Map.of("email", unique("nobody") + "@reset.test")).status()).isEqualTo(200);
        }
        assertThat(sprayer.post("/admin/password-reset/", Map.of("email", unique("nobody") + "@reset.test")).status()).isEqualTo(429);
        assertThat(sprayer.post("/admin/password-reset/", Map.of("email", newUser())).status()).isEqualTo(429);
    }
}
