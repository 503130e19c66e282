package dev.floe.media;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Clears what renditions leave behind, on a schedule: rows made from an image's earlier file (a rendition finished
 * just as the image was replaced), rows whose file has gone from the store (a media folder restored from an older
 * backup), and rendition files that no row names (an instance killed between storing a rendition and recording it,
 * or a store that failed a delete). A dropped row is made again on the next request for it.
 * <p>
 * Each row is removed by a delete that only one caller can win, and only that caller deletes its file, so instances
 * racing through the same sweep remove each rendition once. Deleting a file no row names is the same whoever does it.
 */
@Service
public class RenditionsCleanup {

    private static final Logger log = LoggerFactory.getLogger(RenditionsCleanup.class);

    /** Files and rows younger than this are left alone: a rendition's file is stored a moment before its row. */
    static final Duration GRACE = Duration.ofHours(1);

    private static final String PREFIX = "renditions/";

    private final RenditionRepository renditions;
    private final MediaStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    RenditionsCleanup(RenditionRepository renditions, MediaStore store, TransactionTemplate transactions, Clock clock) {
        this.renditions = renditions;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one sweep removed: the rendition rows (with their files) and the files no row named. */
    public record Swept(List<String> staleRows, List<String> rowsWithoutFiles, List<String> filesWithoutRows) {

        int total() {
            return staleRows.size() + rowsWithoutFiles.size() + filesWithoutRows.size();
        }
    }

    @Scheduled(fixedDelayString = "${floe.renditions-cleanup-interval:6h}", initialDelayString = "${floe.renditions-cleanup-interval:6h}")
    void cleanUpOnSchedule() {
        try {
            cleanUp(clock.instant().minus(GRACE));
        } catch (RuntimeException e) {
            log.warn("Renditions could not be cleaned up this time: {}", e.getMessage());
        }
    }

    /** Removes stale renditions, and missing or unrecorded files, of what was made before {@code madeBefore}. */
    public Swept cleanUp(Instant madeBefore) {
        // Files first, rows second: a rendition made between the two has its row read here, so its file is never
        // taken for an orphan; and anything made after the listing is younger than madeBefore.
        Map<String, Instant> files = store.list(MediaStore.Area.PUBLIC, PREFIX).stream()
                .collect(Collectors.toMap(MediaStore.Listed::key, MediaStore.Listed::modified, (a, b) -> a));
        List<RenditionRepository.Recorded> rows = transactions.execute(status -> renditions.findAllRecorded());

        List<String> stale = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> recordedKeys = new HashSet<>();
        for (RenditionRepository.Recorded row : rows) {
            recordedKeys.add(row.fileKey());
            boolean fileGone = !files.containsKey(row.fileKey()) && row.createdAt().isBefore(madeBefore);
            if ((row.stale() || fileGone) && deleteRow(row)) {
                (row.stale() ? stale : missing).add(row.fileKey());
                if (files.containsKey(row.fileKey())) {
                    store.delete(MediaStore.Area.PUBLIC, row.fileKey());
                }
            }
        }
        List<String> orphans = files.entrySet().stream()
                .filter(file -> !recordedKeys.contains(file.getKey()) && file.getValue().isBefore(madeBefore))
                .map(Map.Entry::getKey).sorted().toList();
        orphans.forEach(key -> store.delete(MediaStore.Area.PUBLIC, key));

        Swept swept = new Swept(stale, missing, orphans);
        if (swept.total() > 0) {
            log.info("Renditions cleaned up on {}: {} made from a replaced file, {} whose file was missing, {} unrecorded file(s)",
                    instance, stale.size(), missing.size(), orphans.size());
        }
        return swept;
    }

    private boolean deleteRow(RenditionRepository.Recorded row) {
        Integer deleted = transactions.execute(status -> renditions.deleteIfUnchanged(row.id(), row.fileKey()));
        return deleted != null && deleted == 1;
    }
}
