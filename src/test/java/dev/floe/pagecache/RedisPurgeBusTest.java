package dev.floe.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.RedisServer;
import dev.floe.templates.ChangedElsewhere;

/** Two instances' page caches joined by a real Redis, as three Floe processes behind a proxy are. */
class RedisPurgeBusTest {

    RedisServer redis;
    PageCache cacheA = new PageCache(1 << 20);
    PageCache cacheB = new PageCache(1 << 20);
    List<Object> eventsOnB = new ArrayList<>();
    RedisPurgeBus busA;
    RedisPurgeBus busB;

    @BeforeEach
    void start() {
        redis = new RedisServer();
        busA = new RedisPurgeBus(cacheA, event -> { }, "127.0.0.1", redis.port());
        busB = new RedisPurgeBus(cacheB, eventsOnB::add, "127.0.0.1", redis.port());
        await(() -> busA.connected() && busB.connected(), Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        busA.close();
        busB.close();
        redis.close();
    }

    private static CachedResponse showing(String... keys) {
        return new CachedResponse("text/html", "\"1\"", Map.of(), new byte[] {1}, null, null, Set.of(keys));
    }

    @Test
    void aPurgeOnOneInstanceDropsThePageOnTheOtherWithinASecond() {
        cacheA.put("h/a/", showing("page:1", "tree"), cacheA.generation());
        cacheB.put("h/a/", showing("page:1", "tree"), cacheB.generation());
        cacheB.put("h/b/", showing("page:2"), cacheB.generation());

        Instant sent = Instant.now();
        busA.purge(List.of("page:1"));

        assertThat(cacheA.get("h/a/")).isEmpty();
        await(() -> cacheB.get("h/a/").isEmpty(), Duration.ofSeconds(1));
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(cacheB.get("h/b/")).isPresent();
        assertThat(eventsOnB).contains(new ChangedElsewhere(Set.of("page:1")));
    }

    @Test
    void withoutRedisTheCacheStepsAsideAndComesBackEmptyWhenRedisReturns() {
        cacheB.put("h/a/", showing("page:1"), cacheB.generation());
        redis.stop();

        await(() -> !busA.connected() && !busB.connected(), Duration.ofSeconds(3));
        assertThat(cacheB.get("h/a/")).isEmpty();
        Instant before = Instant.now();
        busA.purge(List.of("page:9"));
        assertThat(Duration.between(before, Instant.now())).as("a purge must not hang while Redis is down")
                .isLessThan(Duration.ofSeconds(2));

        redis.start();
        await(() -> busA.connected() && busB.connected(), Duration.ofSeconds(15));
        cacheB.put("h/c/", showing("page:3"), cacheB.generation());
        busA.purge(List.of("page:3"));
        await(() -> cacheB.get("h/c/").isEmpty(), Duration.ofSeconds(1));
    }

    private static void await(BooleanSupplier condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", within).isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
