package dev.floe.pagecache;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The page cache shared by every instance, in Redis: a response rendered on one instance is a hit on all, and a purge
 * made on one is seen in Redis by all at once (and in what each instance copied, below, when its message arrives).
 *
 * <p>Purging by surrogate key costs one increment per key: every key has a version in Redis, each response keeps the
 * versions of the keys it shows (and of {@link PageCache#ALL}), and a response whose versions are no longer current
 * is a miss. Nothing has to list the responses that show a key, and Redis evicting any of these entries under memory
 * pressure can only cause misses, never a stale page: a version that is missing counts as changed, and one made anew
 * starts from Redis's clock, so it never equals a version a response kept.
 *
 * <p>Each instance keeps what it read from Redis for at most {@link #COPY_LIFETIME}, so a page hit a thousand times a
 * second costs one round trip to Redis per second rather than a thousand (a 28 KB page from Redis is a quarter of the
 * rate served from memory). A copy is dropped at once by a purge made here or heard from another instance, and by
 * Redis going away; a purge message that never arrives keeps it at most that second, the time within which a purge
 * must reach every instance.
 *
 * <p>Reads and writes fail soft (a miss, nothing stored): the purge bus notices Redis is away within a second and the
 * filter then stops asking. Purges throw, so the bus knows one was lost and everything is dropped when Redis returns.
 */
class RedisPageCache implements PageCache {

    private static final Logger log = LoggerFactory.getLogger(RedisPageCache.class);
    static final String PREFIX = "floe:page:";
    private static final byte[] PURGES = bytes(PREFIX + "purges");
    private static final Duration TTL = Duration.ofDays(1);
    private static final Duration QUIET_WARNINGS = Duration.ofSeconds(10);
    static final Duration COPY_LIFETIME = Duration.ofSeconds(1);
    /** Only pages hit within the last second are copied, so this holds the hot ones; the heap is sized for it. */
    private static final long COPIES_MAX_BYTES = 16L * 1024 * 1024;

    // KEYS[1] the response; ARGV the body fields in the order the client prefers them ('b', 'g', then 'i').
    // Returns {meta, field, body}, or nil when absent or shown keys changed since it was stored.
    private static final String GET = """
            local head = redis.call('HMGET', KEYS[1], 's', 'v', 'm')
            if not head[1] then return nil end
            local keys, versions = {}, {}
            for k in string.gmatch(head[1], '[^\\n]+') do keys[#keys + 1] = k end
            for v in string.gmatch(head[2], '[^\\n]+') do versions[#versions + 1] = v end
            local now = redis.call('MGET', unpack(keys))
            for i = 1, #keys do
              if now[i] ~= versions[i] then
                redis.call('DEL', KEYS[1])
                return nil
              end
            end
            for _, field in ipairs(ARGV) do
              local body = redis.call('HGET', KEYS[1], field)
              if body then return {head[3], field, body} end
            end
            return nil""";
    // KEYS[1] purge counter, KEYS[2] the response; ARGV[1] counter read before rendering, ARGV[2] TTL in seconds,
    // ARGV[3] meta, ARGV[4..6] identity, gzip, brotli bodies ('' when none), ARGV[7..] the shown keys' version keys.
    private static final String PUT = """
            if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
            local keys, versions = {}, {}
            for i = 7, #ARGV do
              local version = redis.call('GET', ARGV[i])
              if not version then
                local time = redis.call('TIME')
                version = time[1] .. string.format('%06d', tonumber(time[2]))
                redis.call('SET', ARGV[i], version)
              end
              keys[#keys + 1] = ARGV[i]
              versions[#versions + 1] = version
            end
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[2], 's', table.concat(keys, '\\n'), 'v', table.concat(versions, '\\n'), 'm', ARGV[3], 'i', ARGV[4])
            if ARGV[5] ~= '' then redis.call('HSET', KEYS[2], 'g', ARGV[5]) end
            if ARGV[6] ~= '' then redis.call('HSET', KEYS[2], 'b', ARGV[6]) end
            redis.call('EXPIRE', KEYS[2], ARGV[2])
            return 1""";
    // KEYS[1] purge counter; ARGV the purged keys' version keys.
    private static final String PURGE = """
            redis.call('INCR', KEYS[1])
            for _, key in ipairs(ARGV) do redis.call('INCR', key) end
            return 1""";

    private final Supplier<StatefulRedisConnection<byte[], byte[]>> connection;
    private volatile Instant lastWarning = Instant.MIN;
    /**
     * Responses read from Redis, by key and the body fields the client accepts. Its purge count keeps a read from
     * Redis that a purge overtook from being copied, as it keeps a render a purge overtook from being cached.
     */
    private final LocalPageCache copies = new LocalPageCache(COPIES_MAX_BYTES, COPY_LIFETIME);

    /** {@code connection} gives the current connection (the bus remakes it after Redis restarts). */
    RedisPageCache(Supplier<StatefulRedisConnection<byte[], byte[]>> connection) {
        this.connection = connection;
    }

    @Override
    public Optional<CachedResponse> get(String key, String acceptEncoding) {
        StringBuilder accepted = new StringBuilder(3);
        if (PageCacheFilter.accepts(acceptEncoding, "br")) {
            accepted.append('b');
        }
        if (PageCacheFilter.accepts(acceptEncoding, "gzip")) {
            accepted.append('g');
        }
        accepted.append('i');
        List<byte[]> fields = accepted.chars().mapToObj(field -> new byte[] {(byte) field}).toList();
        String copyKey = accepted + " " + key;
        Optional<CachedResponse> copy = copies.get(copyKey, acceptEncoding);
        if (copy.isPresent()) {
            return copy;
        }
        long purgesBefore = copies.generation();
        try {
            List<Object> found = connection.get().sync().eval(GET, ScriptOutputType.MULTI,
                    new byte[][] {responseKey(key)}, fields.toArray(byte[][]::new));
            if (found == null || found.size() != 3) {
                return Optional.empty();
            }
            byte[] body = (byte[]) found.get(2);
            String field = new String((byte[]) found.get(1), StandardCharsets.US_ASCII);
            CachedResponse response = CachedResponse.fromMeta((byte[]) found.get(0),
                    field.equals("i") ? body : null, field.equals("g") ? body : null, field.equals("b") ? body : null);
            if (response != null) {
                copies.put(copyKey, response, purgesBefore);
            }
            return Optional.ofNullable(response);
        } catch (RuntimeException e) {
            warn("read", e);
            return Optional.empty();
        }
    }

    @Override
    public long generation() {
        try {
            byte[] count = connection.get().sync().get(PURGES);
            return count == null ? 0 : Long.parseLong(new String(count, StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            warn("read", e);
            return -1; // matches no counter, so nothing rendered now is stored
        }
    }

    @Override
    public void put(String key, CachedResponse response, long renderedAtGeneration) {
        List<byte[]> args = new ArrayList<>();
        args.add(bytes(Long.toString(renderedAtGeneration)));
        args.add(bytes(Long.toString(TTL.toSeconds())));
        args.add(response.meta());
        args.add(response.identity());
        args.add(response.gzip() == null ? new byte[0] : response.gzip());
        args.add(response.brotli() == null ? new byte[0] : response.brotli());
        Set<String> shown = new LinkedHashSet<>(response.keys());
        shown.add(ALL);
        shown.forEach(surrogate -> args.add(versionKey(surrogate)));
        try {
            connection.get().sync().eval(PUT, ScriptOutputType.INTEGER, new byte[][] {PURGES, responseKey(key)},
                    args.toArray(byte[][]::new));
        } catch (RuntimeException e) {
            warn("store", e);
        }
    }

    @Override
    public void purge(Collection<String> keys) {
        copies.purge(keys);
        byte[][] versionKeys = keys.stream().map(RedisPageCache::versionKey).toArray(byte[][]::new);
        connection.get().sync().eval(PURGE, ScriptOutputType.INTEGER, new byte[][] {PURGES}, versionKeys);
    }

    @Override
    public void purgedElsewhere(Collection<String> keys) {
        // The instance that purged changed the versions in Redis itself; only the copies here are left.
        copies.purge(keys);
    }

    /** Purges from elsewhere may go unheard from now on (Redis is away): keep no copy. */
    void forgetCopies() {
        copies.missedPurges();
    }

    @Override
    public void missedPurges() {
        purge(List.of(ALL));
    }

    /** Redis going away shows in every request for up to a second, until the bus notices: warn about it once. */
    private void warn(String what, RuntimeException e) {
        Instant now = Instant.now();
        if (now.isAfter(lastWarning.plus(QUIET_WARNINGS))) {
            lastWarning = now;
            log.warn("Could not {} a cached page in Redis ({}); rendering uncached", what, e.getMessage());
        }
    }

    private static byte[] responseKey(String key) {
        return bytes(PREFIX + "response:" + key);
    }

    private static byte[] versionKey(String surrogate) {
        return bytes(PREFIX + "version:" + surrogate);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
