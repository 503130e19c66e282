package dev.floe.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.floe.support.Await;
import dev.floe.support.RedisServer;
import dev.floe.templates.ChangedElsewhere;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;

/** Two instances' page caches in one real Redis, as three Floe processes behind a proxy share it. */
class RedisPurgeBusTest {

    RedisServer redis;
    List<Object> eventsOnB = new ArrayList<>();
    RedisPurgeBus busA;
    RedisPurgeBus busB;

    @BeforeEach
    void start() {
        redis = new RedisServer();
        busA = new RedisPurgeBus(event -> { }, "127.0.0.1", redis.port());
        busB = new RedisPurgeBus(eventsOnB::add, "127.0.0.1", redis.port());
        Await.until(() -> busA.connected() && busB.connected(), Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() {
        busA.close();
        busB.close();
        redis.close();
    }

    private static CachedResponse showing(String body, String... keys) {
        byte[] plain = body.getBytes(StandardCharsets.UTF_8);
        return new CachedResponse("text/html;charset=UTF-8", "\"" + body.hashCode() + "\"", Map.of("X-Frame-Options", List.of("DENY")),
                plain, ("gz:" + body).getBytes(StandardCharsets.UTF_8), ("br:" + body).getBytes(StandardCharsets.UTF_8), Set.of(keys));
    }

    private static void put(PageCache cache, String key, CachedResponse response) {
        cache.put(key, response, cache.generation());
    }

    private static String body(PageCache cache, String key, String acceptEncoding) {
        CachedResponse found = cache.get(key, acceptEncoding).orElseThrow();
        byte[] body = found.brotli() != null ? found.brotli() : found.gzip() != null ? found.gzip() : found.identity();
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void aPageRenderedOnOneInstanceIsAHitOnTheOtherWithTheBodyTheClientAccepts() {
        put(busA.cache(), "h:80/a/", showing("about", "page:1", "tree"));

        CachedResponse onB = busB.cache().get("h:80/a/", null).orElseThrow();
        assertThat(onB.contentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(onB.etag()).isEqualTo("\"" + "about".hashCode() + "\"");
        assertThat(onB.headers()).containsEntry("X-Frame-Options", List.of("DENY"));
        assertThat(onB.keys()).containsExactlyInAnyOrder("page:1", "tree");
        assertThat(body(busB.cache(), "h:80/a/", null)).isEqualTo("about");
        assertThat(body(busB.cache(), "h:80/a/", "gzip, deflate")).isEqualTo("gz:about");
        assertThat(body(busB.cache(), "h:80/a/", "gzip, br")).isEqualTo("br:about");
        assertThat(body(busB.cache(), "h:80/a/", "br;q=0, gzip")).isEqualTo("gz:about");
    }

    @Test
    void aPurgeDropsThePageInRedisAtOnceAndWhatOtherInstancesCopiedWithinASecond() {
        put(busA.cache(), "h:80/a/", showing("a", "page:1", "tree"));
        put(busA.cache(), "h:80/b/", showing("b", "page:2"));
        assertThat(busB.cache().get("h:80/a/", null)).as("read on B, and copied there").isPresent();
        assertThat(busA.cache().get("h:80/a/", null)).as("read on A, and copied there").isPresent();

        Instant sent = Instant.now();
        busA.purge(List.of("page:1"));

        assertThat(busA.cache().get("h:80/a/", null)).as("the purging instance drops its copy at once").isEmpty();
        Await.until(() -> busB.cache().get("h:80/a/", null).isEmpty(), Duration.ofSeconds(1));
        Await.until(() -> eventsOnB.contains(new ChangedElsewhere(Set.of("page:1"))), Duration.ofSeconds(1));
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertThat(busB.cache().get("h:80/b/", null)).isPresent();

        busB.purge(List.of(PageCache.ALL));
        assertThat(busB.cache().get("h:80/b/", null)).isEmpty();
        Await.until(() -> busA.cache().get("h:80/b/", null).isEmpty(), Duration.ofSeconds(1));
    }

    @Test
    void anInstanceAsksRedisForAHitPageAtMostOnceASecond() {
        // On a loaded machine (CI's services suite) the few steps between B's read and its second read have taken
        // longer than a copy lives; such a try shows nothing either way, so it is made again with another page.
        for (int attempt = 1; ; attempt++) {
            String key = "h:80/a" + attempt + "/";
            put(busA.cache(), key, showing("about", "page:1"));
            Instant beforeCopy = Instant.now();
            assertThat(body(busB.cache(), key, "gzip")).isEqualTo("gz:about");
            Instant copied = Instant.now();
            deleteInRedis(RedisPageCache.PREFIX + "response:" + key);

            Optional<CachedResponse> fromCopy = busB.cache().get(key, "gzip");
            if (fromCopy.isEmpty() && attempt < 3
                    && Duration.between(beforeCopy, Instant.now()).compareTo(RedisPageCache.COPY_LIFETIME) >= 0) {
                continue;
            }
            assertThat(fromCopy).as("served from B's copy").isPresent();
            assertThat(new String(fromCopy.orElseThrow().gzip(), StandardCharsets.UTF_8)).isEqualTo("gz:about");
            assertThat(busB.cache().get(key, "br")).as("a body B has no copy of is asked of Redis").isEmpty();
            assertThat(busA.cache().get(key, "gzip")).as("A never read it, so holds no copy").isEmpty();
            Await.until(() -> busB.cache().get(key, "gzip").isEmpty(), Duration.ofSeconds(2));
            assertThat(Duration.between(copied, Instant.now())).as("a copy outlives what Redis holds by a second at most")
                    .isLessThanOrEqualTo(RedisPageCache.COPY_LIFETIME.plusMillis(200));
            return;
        }
    }

    @Test
    void aReadFromRedisThatAPurgeOvertookIsNotCopied() {
        RedisClient client = RedisClient.create("redis://" + redis.address());
        try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisPageCache[] cache = new RedisPageCache[1];
            cache[0] = new RedisPageCache(() -> {
                // a purge of another page is heard while this read is on its way to Redis
                cache[0].purgedElsewhere(List.of("page:9"));
                return connection;
            });
            put(busA.cache(), "h:80/a/", showing("a", "page:1"));
            assertThat(cache[0].get("h:80/a/", null)).isPresent();
            deleteInRedis(RedisPageCache.PREFIX + "response:h:80/a/");
            assertThat(cache[0].get("h:80/a/", null)).as("not copied, so asked of Redis again, which no longer has it").isEmpty();
        } finally {
            client.shutdown();
        }
    }

    private void deleteInRedis(String key) {
        RedisClient client = RedisClient.create("redis://" + redis.address());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().del(key);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aPageRenderedWhileAPurgeRanIsNotStored() {
        long before = busA.cache().generation();
        busB.purge(List.of("page:7"));
        busA.cache().put("h:80/old/", showing("old", "page:7"), before);

        assertThat(busA.cache().get("h:80/old/", null)).isEmpty();
    }

    @Test
    void aKeyVersionRedisEvictedCountsAsAPurge() {
        put(busA.cache(), "h:80/a/", showing("a", "page:1"));
        RedisClient client = RedisClient.create("redis://" + redis.address());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().del(RedisPageCache.PREFIX + "version:page:1");
        } finally {
            client.shutdown();
        }

        assertThat(busA.cache().get("h:80/a/", null)).isEmpty();
    }

    @Test
    void withoutRedisTheCacheStepsAsideAndWhatMayBeStaleIsDroppedWhenRedisReturns() {
        put(busA.cache(), "h:80/a/", showing("a", "page:1"));
        assertThat(busB.cache().get("h:80/a/", null)).as("copied on B").isPresent();
        redis.stop();

        Await.until(() -> !busA.connected() && !busB.connected(), Duration.ofSeconds(3));
        assertThat(busB.cache().get("h:80/a/", null)).isEmpty();
        Instant before = Instant.now();
        busA.purge(List.of("page:1")); // lost: Redis is away
        assertThat(Duration.between(before, Instant.now())).as("a purge must not hang while Redis is down")
                .isLessThan(Duration.ofSeconds(2));

        // Redis returns holding a page stored while the instances were away, as one with persistence does. The
        // instances look for Redis every second: when one notices it before the page is stored, Redis goes away again
        // and the page is stored on its next return (each return after an outage must drop everything again).
        boolean storedFirst = false;
        for (int attempt = 1; attempt <= 5 && !storedFirst; attempt++) {
            if (attempt > 1) {
                redis.stop();
                Await.until(() -> !busA.connected() && !busB.connected(), Duration.ofSeconds(3));
            }
            redis.start();
            RedisClient client = RedisClient.create("redis://" + redis.address());
            try (StatefulRedisConnection<byte[], byte[]> connection = client.connect(ByteArrayCodec.INSTANCE)) {
                PageCache survivor = new RedisPageCache(() -> connection);
                put(survivor, "h:80/a/", showing("a", "page:1"));
                boolean stored = survivor.get("h:80/a/", null).isPresent();
                // An instance drops everything before it counts as connected, so while none is, the page stays.
                storedFirst = !busA.connected() && !busB.connected();
                if (storedFirst) {
                    assertThat(stored).isTrue();
                }
            } finally {
                client.shutdown();
            }
        }
        assertThat(storedFirst).as("stored before the instances noticed Redis is back, in one of 5 returns").isTrue();
        Await.until(() -> busA.connected() && busB.connected(), Duration.ofSeconds(15));
        assertThat(busB.cache().get("h:80/a/", null)).as("dropped: a purge was lost while Redis was away").isEmpty();

        put(busB.cache(), "h:80/c/", showing("c", "page:3"));
        assertThat(busA.cache().get("h:80/c/", null)).isPresent();
        busA.purge(List.of("page:3"));
        assertThat(busB.cache().get("h:80/c/", null)).isEmpty();
    }
}
