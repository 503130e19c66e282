package dev.floe.media;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clears what renditions leave behind, on a schedule: rows made from an image's earlier file (a rendition finished
 * just as the image was replaced), rows whose file has gone from the store (a media folder restored from an older
 * backup), and IIIF outputs no one has asked for in {@code floe.media.iiif.keep-unused} (90 days): anyone may ask
 * for any region and size of an image, and each distinct output is stored. A dropped row is made again on the next
 * request for it. Renditions that templates name are not dropped for want of use: a page cache or CDN may hold HTML
 * that links their files without asking Floe, whereas an IIIF address is answered by Floe, which makes it again.
 * <p>
 * Files that no row names are left alone: a bucket may serve several databases (a staging site on production's
 * bucket, the test suites' contexts), and a file unknown to this one may be another's.
 * <p>
 * Each row is removed by a delete that only one caller can win, and only that caller deletes its file, so instances
 * racing through the same sweep remove each rendition once.
 */
@Service
public class RenditionsCleanup {

    private static final Logger log = LoggerFactory.getLogger(RenditionsCleanup.class);

    /** Rows younger than this are left alone: a rendition's file is stored a moment before its row. */
    static final Duration GRACE = Duration.ofHours(1);

    private static final String PREFIX = "renditions/";

    /** Rows read at a time: a sweep holds one batch of rows, however many renditions there are. */
    static final int BATCH = 500;

    private final RenditionRepository renditions;
    private final MediaStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    private final Duration keepUnusedIiif;

    RenditionsCleanup(RenditionRepository renditions, MediaStore store, TransactionTemplate transactions, Clock clock,
                      @Value("${floe.media.iiif.keep-unused:90d}") Duration keepUnusedIiif) {
        this.renditions = renditions;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.keepUnusedIiif = keepUnusedIiif;
    }

    /**
     * What one sweep removed, by file key: rows made from an earlier file (with their files), rows without a file, and
     * IIIF outputs unused for too long (with their files).
     */
    public record Swept(List<String> staleRows, List<String> rowsWithoutFiles, List<String> unusedIiif) {

        int total() {
            return staleRows.size() + rowsWithoutFiles.size() + unusedIiif.size();
        }
    }

    @Scheduled(fixedDelayString = "${floe.renditions-cleanup-interval:6h}", initialDelayString = "${floe.renditions-cleanup-interval:6h}")
    void cleanUpOnSchedule() {
        try {
            Instant now = clock.instant();
            cleanUp(now.minus(GRACE), now.minus(keepUnusedIiif));
        } catch (RuntimeException e) {
            log.warn("Renditions could not be cleaned up this time: {}", e.getMessage());
        }
    }

    /**
     * Removes stale renditions, those made before {@code madeBefore} whose file is missing, and IIIF outputs last served
     * before {@code iiifUnusedSince}.
     */
    public Swept cleanUp(Instant madeBefore, Instant iiifUnusedSince) {
        // Files first, rows second: a row made after the listing is younger than madeBefore, so its file, stored a
        // moment before it, is never taken for missing.
        ListedKeys files = new ListedKeys();
        store.forEachKey(MediaStore.Area.PUBLIC, PREFIX, files::add);
        files.seal();

        List<String> stale = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        eachRow(after -> renditions.findRecordedAfter(after, Limit.of(BATCH)), row -> {
            boolean fileThere = files.contains(row.fileKey());
            boolean fileGone = !fileThere && row.createdAt().isBefore(madeBefore);
            if ((row.stale() || fileGone) && deleteRow(row)) {
                (row.stale() ? stale : missing).add(row.fileKey());
                if (fileThere) {
                    store.delete(MediaStore.Area.PUBLIC, row.fileKey());
                }
            }
        });

        List<String> unused = new ArrayList<>();
        eachRow(after -> renditions.findIiifUnusedSince(iiifUnusedSince, after, Limit.of(BATCH)), row -> {
            // The delete re-checks the last use: an output served since the query above stays.
            Integer deleted = transactions.execute(status -> renditions.deleteIfUnusedSince(row.id(), row.fileKey(), iiifUnusedSince));
            if (deleted != null && deleted == 1) {
                unused.add(row.fileKey());
                store.delete(MediaStore.Area.PUBLIC, row.fileKey());
            }
        });

        Swept swept = new Swept(stale, missing, unused);
        if (swept.total() > 0) {
            log.info("Renditions cleaned up on {}: {} made from a replaced file, {} whose file was missing, {} IIIF outputs unused",
                    instance, stale.size(), missing.size(), unused.size());
        }
        return swept;
    }

    /** Hands {@code action} every row a query finds, reading {@link #BATCH} at a time after the last id seen. */
    private void eachRow(LongFunction<List<RenditionRepository.Recorded>> batchAfter, Consumer<RenditionRepository.Recorded> action) {
        List<RenditionRepository.Recorded> batch = List.of();
        do {
            long after = batch.isEmpty() ? 0 : batch.getLast().id();
            batch = transactions.execute(status -> batchAfter.apply(after));
            batch.forEach(action);
        } while (batch.size() == BATCH);
    }

    private boolean deleteRow(RenditionRepository.Recorded row) {
        Integer deleted = transactions.execute(status -> renditions.deleteIfUnchanged(row.id(), row.fileKey()));
        return deleted != null && deleted == 1;
    }

    /**
     * The keys a listing found, kept as the first 8 bytes of their SHA-256 in a sorted array: 8 bytes a key, where a
     * set of the strings took about 150, so a sweep over a million renditions needs 8 MB of an instance's heap, not
     * 150. Two keys sharing a digest (about one chance in 10^8 with a million keys) would only keep a row whose file is
     * gone until a later sweep; nothing is ever deleted for it.
     */
    static final class ListedKeys {

        private final MessageDigest sha256;
        private long[] digests = new long[1024];
        private int size;

        ListedKeys() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        void add(String key) {
            if (size == digests.length) {
                digests = Arrays.copyOf(digests, size * 2);
            }
            digests[size++] = digest(key);
        }

        /** Sorts what was added; call once the listing is over and before {@link #contains}. */
        void seal() {
            Arrays.sort(digests, 0, size);
        }

        boolean contains(String key) {
            return Arrays.binarySearch(digests, 0, size, digest(key)) >= 0;
        }

        private long digest(String key) {
            return ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8))).getLong();
        }
    }
}
