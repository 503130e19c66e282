package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.floe.FloeApplication;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Two more instances on the suite's database, sharing a Redis of their own for admin sessions (Spring Session), as
 * instances behind a proxy do: an editor signed in on one is signed in on the other, and while Redis is away the
 * admin sends editors to sign in again instead of failing.
 */
class SharedSessionsTest extends FloeIntegrationTest {

    static RedisServer redis;
    static ConfigurableApplicationContext instanceB;
    static ConfigurableApplicationContext instanceC;

    @BeforeAll
    static void startInstances() {
        redis = new RedisServer();
        instanceB = start();
        instanceC = start();
    }

    @AfterAll
    static void stopInstances() {
        for (ConfigurableApplicationContext instance : List.of(instanceB, instanceC)) {
            if (instance != null) {
                instance.close();
            }
        }
        redis.close();
    }

    /** Command-line arguments, so that they win over a REDIS_ADDRESS the suite itself may run with. */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FloeApplication.class)
                .run("--REDIS_ADDRESS=" + redis.address(), "--BASE_SETTINGS_MODULE=test", "--server.port=0",
                        "--server.address=127.0.0.1", "--floe.scheduler-interval=1h", "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @Test
    void anEditorSignedInOnOneInstanceIsSignedInOnTheOtherUntilSigningOutThere() {
        AdminClient onB = AdminClient.signedIn(port(instanceB), accounts, AdminRole.EDITOR);
        AdminClient onC = onB.on(port(instanceC));

        assertThat(sessionsInRedis()).as("sessions kept in Redis").isNotEmpty();
        assertThat(onC.get("/admin/").status()).isEqualTo(200);
        assertThat(onB.get("/admin/").status()).isEqualTo(200);

        // The CSRF token belongs to the session too: a form from C's page posts on C and ends the session on B.
        onC.get("/admin/");
        AdminClient.Response signedOut = onC.post(AdminSecurityConfiguration.LOGOUT, Map.of());
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(onB.get("/admin/").location()).startsWith(AdminSecurityConfiguration.LOGIN);
    }

    @Test
    void whileRedisIsAwayEditorsAreAskedToSignInAgainAndCanOnceItIsBack() {
        AdminClient onB = AdminClient.signedIn(port(instanceB), accounts, AdminRole.EDITOR);
        redis.stop();
        try {
            AdminClient.Response admin = onB.get("/admin/");
            assertThat(admin.status()).isEqualTo(302);
            assertThat(admin.location()).startsWith(AdminSecurityConfiguration.LOGIN);
            assertThat(onB.get(AdminSecurityConfiguration.LOGIN).status()).isEqualTo(200);
            assertThat(AdminClient.anonymous(port(instanceC)).get("/").status()).isEqualTo(200);
        } finally {
            redis.start();
        }

        AdminClient again = signInWithin(Duration.ofSeconds(20));
        assertThat(again.on(port(instanceC)).get("/admin/").status()).isEqualTo(200);
    }

    /** Lettuce reconnects with a backoff, so the first sign-in after Redis returns may still find it away. */
    private AdminClient signInWithin(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            AdminClient client = AdminClient.anonymous(port(instanceB));
            AdminClient.Response response = client.signIn(AdminRole.EDITOR.email(), AdminRole.EDITOR.password());
            if (response.status() == 302 && !response.location().startsWith(AdminSecurityConfiguration.LOGIN)
                    && client.get("/admin/").status() == 200) {
                return client;
            }
            assertThat(Instant.now()).as("signed in again within %s of Redis returning", limit).isBefore(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> sessionsInRedis() {
        RedisClient client = RedisClient.create("redis://" + redis.address());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys("floe:session:sessions:*");
        } finally {
            client.shutdown();
        }
    }
}
