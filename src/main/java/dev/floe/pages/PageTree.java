package dev.floe.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the page tree: pages by id and path, children, and filtered lists for the API. */
@Service
@Transactional(readOnly = true)
public class PageTree {

    private final PageRepository pages;
    private final jakarta.persistence.EntityManager entityManager;

    PageTree(PageRepository pages, jakarta.persistence.EntityManager entityManager) {
        this.pages = pages;
        this.entityManager = entityManager;
    }

    /** A page of the tree; pages in the bin are not part of it. */
    public Optional<Page> find(long id) {
        return pages.findById(id).filter(page -> !page.isBinned());
    }

    public Page get(long id) {
        return find(id).orElseThrow(() -> new PageNotFoundException(id));
    }

    /** The pages with these ids that exist, by id. */
    public java.util.Map<Long, Page> findAll(java.util.Collection<Long> ids) {
        java.util.Map<Long, Page> found = new java.util.HashMap<>();
        pages.findAllById(ids).stream().filter(page -> !page.isBinned()).forEach(page -> found.put(page.getId(), page));
        return found;
    }

    public boolean exists(long id) {
        return find(id).isPresent();
    }

    public Optional<Page> findByPath(String path) {
        return pages.findByPath(path);
    }

    public Optional<Page> findLiveByPath(String path) {
        return pages.findByPath(path).filter(Page::isLive);
    }

    public Page home() {
        return pages.findByPath("/").orElseThrow(() -> new IllegalStateException("the home page is missing: run floe migrate"));
    }

    /** Every page below {@code page}, nearest first. */
    public List<Page> descendants(Page page) {
        return pages.findSubtree(page.getPath()).stream().filter(p -> !p.getId().equals(page.getId())).toList();
    }

    public List<Page> children(long parentId) {
        return pages.findByParentIdOrderByPosition(parentId);
    }

    public List<Page> liveChildren(long parentId, int offset, int limit) {
        return pages.findLiveChildren(parentId, new OffsetPage(offset, limit));
    }

    public long countLiveChildren(long parentId) {
        return pages.countLiveChildren(parentId);
    }

    /** A live page's address and when it last changed, for sitemaps. */
    public record LivePath(String path, java.time.Instant lastPublishedAt, String type) {
    }

    /** Live pages in path order, {@code limit} at a time from {@code offset}. */
    public List<LivePath> livePaths(int offset, int limit) {
        return pages.findLivePaths(new OffsetPage(offset, limit)).stream()
                .map(row -> new LivePath((String) row[0], (java.time.Instant) row[1], (String) row[2])).toList();
    }

    public long countLive() {
        return pages.countLive();
    }

    /** A page's state as editors see it in the explorer. */
    public enum Status { LIVE, DRAFT, CHANGED }

    /**
     * What the admin's page explorer may filter by; null means no filter. {@code text} is looked for in titles and
     * paths; {@code onlyIds}, when not null, limits the result to those pages (the scheduled or those in review).
     */
    public record ExplorerQuery(String text, String type, Status status, java.util.Collection<Long> onlyIds, int offset, int limit) {
    }

    /** Pages that {@link #exploreKeeping} kept, and whether others may have been left out. */
    public record Kept(List<Page> items, boolean more) {
    }

    /**
     * Up to {@code wanted} pages, in tree order, whose title or path has {@code text} (any page when null) and that
     * {@code keep} accepts, such as the places a user may move a page to. The tree is read in batches, because the
     * first pages may all be refused (an editor of one section on a big site); after 5,000 pages it stops, and says
     * that there may be more.
     */
    public Kept exploreKeeping(String text, java.util.function.Predicate<Page> keep, int wanted) {
        int batchSize = 200;
        int scanLimit = 5_000;
        List<Page> kept = new ArrayList<>();
        for (int offset = 0; offset < scanLimit; offset += batchSize) {
            Result batch = explore(new ExplorerQuery(text, null, null, null, offset, batchSize));
            for (Page page : batch.items()) {
                if (keep.test(page)) {
                    if (kept.size() == wanted) {
                        return new Kept(kept, true);
                    }
                    kept.add(page);
                }
            }
            if (offset + batchSize >= batch.total()) {
                return new Kept(kept, false);
            }
        }
        return new Kept(kept, true);
    }

    /** Pages for the explorer's search and filters, in tree order. */
    public Result explore(ExplorerQuery query) {
        Specification<Page> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isNull(root.get("binnedAt")));
            if (query.text() != null && !query.text().isBlank()) {
                String like = "%" + query.text().strip().toLowerCase(java.util.Locale.ROOT)
                        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("title")), like, '\\'), cb.like(root.get("path"), like, '\\')));
            }
            if (query.type() != null) {
                where.add(cb.equal(root.get("type"), query.type()));
            }
            if (query.status() != null) {
                switch (query.status()) {
                    case LIVE -> where.add(cb.isTrue(root.get("live")));
                    case DRAFT -> where.add(cb.isFalse(root.get("live")));
                    case CHANGED -> where.add(cb.and(cb.isTrue(root.get("live")), cb.isTrue(root.get("hasUnpublishedChanges"))));
                }
            }
            if (query.onlyIds() != null) {
                where.add(query.onlyIds().isEmpty() ? cb.disjunction() : root.get("id").in(query.onlyIds()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        long total = pages.count(spec);
        if (query.limit() == 0) {
            return new Result(List.of(), total);
        }
        // Sort and skip over ids and paths only, then read the few whole pages (with their content) by id.
        var cb = entityManager.getCriteriaBuilder();
        var ids = cb.createQuery(Long.class);
        var root = ids.from(Page.class);
        ids.select(root.get("id")).where(spec.toPredicate(root, ids, cb)).orderBy(cb.asc(root.get("path")));
        List<Long> chosen = entityManager.createQuery(ids).setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        return new Result(inOrder(chosen), total);
    }

    /** One parent's children in the order editors gave them, {@code limit} from {@code offset}, and how many there are. */
    public Result childrenPage(long parentId, int offset, int limit) {
        long total = pages.countByParentId(parentId);
        return new Result(inOrder(pages.findChildIds(parentId, new OffsetPage(offset, limit))), total);
    }

    private List<Page> inOrder(List<Long> ids) {
        java.util.Map<Long, Page> byId = new java.util.HashMap<>();
        pages.findAllById(ids).forEach(page -> byId.put(page.getId(), page));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** How many children each of these pages has (pages without children are left out). */
    public java.util.Map<Long, Long> childCounts(java.util.Collection<Long> parentIds) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        if (!parentIds.isEmpty()) {
            pages.countChildren(parentIds).forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    /** The pages from the home page down to this one's parent, for breadcrumbs. */
    public List<Page> ancestors(Page page) {
        List<String> paths = new ArrayList<>();
        String path = page.getPath();
        while (path.length() > 1) {
            path = path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
            paths.add(path);
        }
        if (paths.isEmpty()) {
            return List.of();
        }
        return pages.findByPathInOrderByDepth(paths);
    }

    /** Drafts this person saved most recently that are not live as they stand. */
    public List<Page> recentDraftsBy(String email, int limit) {
        return pages.findDraftsBy(email, new OffsetPage(0, limit));
    }

    /** Pages most recently published. */
    public List<Page> recentlyPublished(int limit) {
        return pages.findRecentlyPublished(new OffsetPage(0, limit));
    }

    public long count() {
        return pages.countByBinnedAtIsNull();
    }

    /** What the API's list of pages may be filtered by; null means no filter. */
    public record Query(String type, Long parent, String path, boolean liveOnly, int offset, int limit) {
    }

    public record Result(List<Page> items, long total) {
    }

    public Result search(Query query) {
        Specification<Page> spec = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isNull(root.get("binnedAt")));
            if (query.type() != null) {
                where.add(cb.equal(root.get("type"), query.type()));
            }
            if (query.parent() != null) {
                where.add(cb.equal(root.get("parentId"), query.parent()));
            }
            if (query.path() != null) {
                where.add(cb.equal(root.get("path"), query.path()));
            }
            if (query.liveOnly()) {
                where.add(cb.isTrue(root.get("live")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        long total = pages.count(spec);
        List<Page> items = query.limit() == 0 ? List.of()
                : pages.findAll(spec, new OffsetPage(query.offset(), query.limit(), order(query))).getContent();
        return new Result(items, total);
    }

    /** Children of one parent come in the order editors gave them; anything else in tree order by path. */
    private static Sort order(Query query) {
        return query.parent() != null ? Sort.by("position", "id") : Sort.by("path");
    }

    /** A page request by offset rather than page number, as the API is paginated with offset and limit. */
    public static final class OffsetPage extends PageRequest {
        private final long offset;

        public OffsetPage(int offset, int limit) {
            this(offset, limit, Sort.unsorted());
        }

        OffsetPage(int offset, int limit, Sort sort) {
            super(0, Math.max(1, limit), sort);
            this.offset = offset;
        }

        @Override
        public long getOffset() {
            return offset;
        }
    }
}
