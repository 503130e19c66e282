package dev.floe.pagecache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

import dev.floe.templates.ChangedElsewhere;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Purges through Redis: the shared {@link RedisPageCache} is purged there at once, and a message on a channel that
 * every instance subscribes to tells the others to forget what they hold in memory (menus, rendered parts). While this
 * instance cannot reach Redis (down, a connection lost, a ping unanswered) it reports itself disconnected, so the page
 * cache steps aside and pages render fresh; when Redis answers again after that, every cached page is dropped first,
 * because purges may have been lost in between. No request waits on Redis for longer than its short command timeout.
 */
class RedisPurgeBus implements PurgeBus, AutoCloseable {

    static final String CHANNEL = "floe:purge";
    private static final Logger log = LoggerFactory.getLogger(RedisPurgeBus.class);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final RedisPageCache cache;
    private final ApplicationEventPublisher events;
    private final RedisClient client;
    private final String instance = UUID.randomUUID().toString();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "floe-redis-purge-bus");
        thread.setDaemon(true);
        return thread;
    });
    private volatile StatefulRedisPubSubConnection<String, String> subscription;
    private volatile StatefulRedisConnection<byte[], byte[]> commands;
    private volatile boolean listening;
    private volatile boolean missed;

    /** A bus, and the shared page cache it purges, on the Redis at {@code host:port}. */
    RedisPurgeBus(ApplicationEventPublisher events, String host, int port) {
        this.events = events;
        this.client = RedisClient.create(RedisURI.builder().withHost(host).withPort(port).withTimeout(TIMEOUT).build());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                deaf();
            }
        });
        this.cache = new RedisPageCache(this::commandConnection);
        watcher.scheduleWithFixedDelay(this::check, 0, 1, TimeUnit.SECONDS);
    }

    @Override
    public PageCache cache() {
        return cache;
    }

    @Override
    public void purge(Collection<String> keys) {
        try {
            cache.purge(keys);
            commandConnection().sync().publish(bytes(CHANNEL), bytes(instance + " " + String.join(" ", keys)));
        } catch (RuntimeException e) {
            // Dropped from the shared cache or not, the others may keep parts rendered before: all is dropped once
            // Redis answers again.
            log.warn("Could not send a page cache purge through Redis: {}", e.getMessage());
            deaf();
        }
    }

    @Override
    public boolean connected() {
        return listening;
    }

    /** Connects when not connected, and pings to notice a Redis that stopped answering. */
    private void check() {
        try {
            if (subscription == null || commands == null) {
                connect();
            }
            commandConnection().sync().ping();
            if (!listening && subscription.isOpen()) {
                if (missed) {
                    cache.missedPurges();
                    missed = false;
                }
                listening = true;
                log.info("Redis answers; pages are cached in it and purges travel through it");
            }
        } catch (RuntimeException e) {
            if (listening) {
                log.warn("Redis does not answer ({}); serving pages uncached until it does", e.getMessage());
            }
            deaf();
        }
    }

    /** The connection for commands; made at once if there is none yet, as in a command that purges and exits. */
    private synchronized StatefulRedisConnection<byte[], byte[]> commandConnection() {
        if (commands == null) {
            commands = client.connect(ByteArrayCodec.INSTANCE);
        }
        return commands;
    }

    private synchronized void connect() {
        commandConnection();
        if (subscription == null) {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    heard(message);
                }
            });
            connection.sync().subscribe(CHANNEL);
            subscription = connection;
        }
        if (!subscription.isOpen()) {
            deaf();
        }
    }

    private void heard(String message) {
        String[] parts = message.split(" ");
        if (parts.length > 1 && !parts[0].equals(instance)) {
            List<String> keys = Arrays.asList(parts).subList(1, parts.length);
            cache.purgedElsewhere(keys);
            events.publishEvent(new ChangedElsewhere(Set.copyOf(keys)));
        }
    }

    private void deaf() {
        cache.forgetCopies();
        if (listening) {
            // Purges from elsewhere may be missed from now on: forget every rendered part, not only pages.
            events.publishEvent(new ChangedElsewhere(Set.of(PageCache.ALL)));
        }
        listening = false;
        missed = true;
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
