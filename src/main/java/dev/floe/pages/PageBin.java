package dev.floe.pages;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting pages: a deleted page and its descendants go into the bin, where they are kept for {@link #KEPT_FOR} and
 * can be restored; then the purge removes them for good. Binned pages are unpublished at once and moved to paths
 * under {@code /.bin/} (a dot no slug may hold), so their old addresses answer 404 and their slugs are free again.
 */
@Service
public class PageBin {

    /** How long deleted pages wait in the bin before the purge. */
    public static final Duration KEPT_FOR = Duration.ofDays(30);
    static final String BIN_PREFIX = "/.bin/";

    private static final Logger log = LoggerFactory.getLogger(PageBin.class);

    private final PageRepository pages;
    private final BinEntryRepository entries;
    private final PageEditor editor;
    private final PageTypes pageTypes;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    PageBin(PageRepository pages, BinEntryRepository entries, PageEditor editor, PageTypes pageTypes,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.pages = pages;
        this.entries = entries;
        this.editor = editor;
        this.pageTypes = pageTypes;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Moves a page and all its descendants into the bin, unpublishing those that were live. */
    @Transactional
    public BinEntry delete(long pageId, Author author) {
        Page root = editor.lock(pageId);
        if (root.isHome()) {
            throw new TreeConflictException("The home page cannot be deleted.");
        }
        String oldPath = root.getPath();
        List<Page> subtree = pages.findSubtree(oldPath);
        List<Long> ids = new ArrayList<>();
        List<String> livePaths = new ArrayList<>();
        for (Page page : subtree) {
            ids.add(page.getId());
            if (page.isLive()) {
                livePaths.add(page.getPath());
                page.takeOffline();
            }
        }
        Instant now = clock.instant();
        BinEntry entry = entries.saveAndFlush(new BinEntry(root.getId(), root.getParentId(), oldPath, root.getTitle(),
                subtree.size(), livePaths.size(), author.email(), now));
        root.detachIntoBin();
        pages.saveAllAndFlush(subtree);
        String binPath = BIN_PREFIX + root.getId() + oldPath;
        pages.rewritePaths(oldPath, oldPath.length(), binPath, 0);
        pages.markBinned(binPath, now);
        events.publishEvent(new PagesBinned(root.getId(), List.copyOf(ids), List.copyOf(livePaths)));
        log.info("{} deleted {} ({} page(s)) into the bin", author.email(), oldPath, subtree.size());
        return entry;
    }

    /** What is in the bin, most recently deleted first. */
    @Transactional(readOnly = true)
    public List<BinEntry> list(int offset, int limit) {
        return entries.findNewestFirst(new PageTree.OffsetPage(offset, limit));
    }

    @Transactional(readOnly = true)
    public long count() {
        return entries.count();
    }

    @Transactional(readOnly = true)
    public BinEntry entry(long pageId) {
        return entries.findByPageId(pageId).orElseThrow(() -> new BinEntryNotFoundException(pageId));
    }

    /** The pages that went into the bin with this one (itself excluded), in tree order. */
    @Transactional(readOnly = true)
    public List<Page> binnedDescendants(long pageId) {
        Page root = pages.findById(pageId).filter(Page::isBinned).orElseThrow(() -> new BinEntryNotFoundException(pageId));
        return pages.findSubtree(root.getPath()).stream().filter(p -> !p.getId().equals(pageId)).toList();
    }

    /**
     * Puts a binned page and its descendants back into the tree as drafts (unpublished): under {@code parentId}, or
     * under the parent it was deleted from when that is null. Fails, naming what to do, when that parent is gone or
     * the slug has been taken there since.
     */
    @Transactional
    public Page restore(long pageId, Long parentId, Author author) {
        BinEntry entry = entries.findByPageId(pageId).flatMap(e -> entries.findForUpdate(e.getId()))
                .orElseThrow(() -> new BinEntryNotFoundException(pageId));
        Page root = pages.findForUpdate(pageId).orElseThrow(() -> new BinEntryNotFoundException(pageId));
        Long wanted = parentId != null ? parentId : entry.getParentId();
        Page parent = wanted == null ? null : pages.findForUpdate(wanted).filter(p -> !p.isBinned()).orElse(null);
        if (parent == null) {
            throw new TreeConflictException(parentId != null
                    ? "The page " + parentId + " to restore under does not exist (or is in the bin itself)."
                    : "The page this was deleted from no longer exists; choose another parent to restore it under.");
        }
        editor.checkPlacement(pageTypes.get(root.getType()), pageTypes.get(parent.getType()));
        Slugs.check(root.getSlug(), parent.isHome());
        if (pages.existsByParentIdAndSlug(parent.getId(), root.getSlug())) {
            throw new TreeConflictException("A page with the slug '" + root.getSlug() + "' now exists under "
                    + parent.getPath() + "; rename or move that page, or restore this one under another parent.");
        }
        String binPath = root.getPath();
        String newPath = parent.getPath() + root.getSlug() + "/";
        List<PagePathsChanged.PathChange> changes = pages.findSubtree(binPath).stream()
                .map(p -> new PagePathsChanged.PathChange(p.getId(), p.getPath(),
                        newPath + p.getPath().substring(binPath.length()), false))
                .toList();
        root.placeAt(parent.getId(), pages.maxChildPosition(parent.getId()) + 1);
        pages.saveAndFlush(root);
        pages.rewritePaths(binPath, binPath.length(), newPath, parent.getDepth() + 1 - root.getDepth());
        pages.markBinned(newPath, null);
        entries.delete(entry);
        entries.flush();
        events.publishEvent(new PagePathsChanged(changes));
        log.info("{} restored {} ({} page(s)) from the bin to {}", author.email(), entry.getPath(), changes.size(), newPath);
        return pages.findById(pageId).orElseThrow();
    }

    /** Removes for good what has been in the bin longer than {@link #KEPT_FOR}. */
    @Scheduled(fixedDelayString = "${floe.bin-purge-interval:1h}", initialDelayString = "${floe.bin-purge-interval:1h}")
    void purgeOnSchedule() {
        try {
            purgeDeletedBefore(clock.instant().minus(KEPT_FOR));
        } catch (RuntimeException e) {
            log.warn("The bin could not be purged this time: {}", e.getMessage());
        }
    }

    /**
     * Purges every bin entry deleted at or before {@code before}. Each entry is purged in its own transaction that
     * first locks its row and re-reads it, so when several instances purge at once each entry is purged once.
     * Returns how many entries this call purged.
     */
    public int purgeDeletedBefore(Instant before) {
        List<Long> due = transactions.execute(status -> entries.findDeletedBefore(before));
        int purged = 0;
        for (long id : due) {
            Boolean done = transactions.execute(status -> entries.findForUpdate(id).map(entry -> {
                entries.delete(entry);
                entries.flush();
                Page root = pages.findById(entry.getPageId()).orElse(null);
                if (root != null) {
                    String prefix = root.getPath();
                    for (int depth = pages.maxDepthUnder(prefix); depth >= root.getDepth(); depth--) {
                        pages.deleteAtDepth(prefix, depth);
                    }
                }
                log.info("Purged {} ({} page(s)) from the bin on {}", entry.getPath(), entry.getPageCount(), instance);
                return true;
            }).orElse(false));
            if (Boolean.TRUE.equals(done)) {
                purged++;
            }
        }
        return purged;
    }
}
