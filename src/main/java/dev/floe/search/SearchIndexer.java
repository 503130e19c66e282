package dev.floe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.Bits;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.floe.config.FloeSettings;
import dev.floe.pages.Page;

/**
 * Rebuilds the search indexes from the database. Every page (and every {@link SearchableEntity}) is queued for re-indexing through the outbox, where the
 * instances' event processors replace each page's document where it stands: the index is never emptied, so searches
 * keep answering in full while it runs, and a rebuild started beside running instances (even one holding the
 * embedded index) is carried out by them. Documents of pages that no longer exist are removed at the end.
 *
 * <p>Hibernate Search's mass indexer is not used: it adds documents on the assumption that the index was purged
 * first, which would leave duplicates in an index that keeps answering.
 */
@Service
public class SearchIndexer {

    private static final int BATCH = 500;

    private final FloeSettings settings;
    private final Environment environment;
    private final EntityManager entityManager;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final List<SearchableEntity<?>> others;

    SearchIndexer(EntityManager entityManager, TransactionTemplate transactions, JdbcTemplate jdbc, FloeSettings settings,
                  Environment environment, List<SearchableEntity<?>> others) {
        this.settings = settings;
        this.environment = environment;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.others = others;
    }

    /** An indexed entity type, its index and the field holding its id there. */
    private record Indexed(Class<?> type, String index, String idField) {
    }

    private List<Indexed> indexed() {
        String pageIndex = SearchConfiguration.indexName(settings, environment);
        List<Indexed> all = new ArrayList<>();
        all.add(new Indexed(Page.class, pageIndex, SearchMapping.PAGE_ID));
        others.forEach(other -> all.add(new Indexed(other.entityClass(), SearchMapping.indexName(pageIndex, other), SearchMapping.ENTITY_ID)));
        return all;
    }

    private String entityName(Class<?> type) {
        return entityManager.getMetamodel().entity(type).getName();
    }

    /** Told how far a rebuild has come: entities indexed so far, and how many there are. */
    @FunctionalInterface
    public interface Progress {
        void indexed(long done, long total);
    }

    /** What a rebuild did: pages and other entities (documents, images) re-indexed, stale documents removed. */
    public record Report(long pages, long others, long removed, long millis) {
        public long indexed() {
            return pages + others;
        }
    }

    /** Rebuilds, waiting at most {@code timeout} for the outbox to be processed. */
    public Report reindex(Progress progress, Duration timeout) {
        long started = System.nanoTime();
        long pendingBefore = pendingEvents();
        long pages = 0;
        long others = 0;
        for (Indexed indexed : indexed()) {
            long queued = queue(entityName(indexed.type()));
            if (indexed.type() == Page.class) {
                pages += queued;
            } else {
                others += queued;
            }
        }
        long total = pages + others;
        long deadline = System.nanoTime() + timeout.toNanos();
        long pending;
        while ((pending = pendingEvents()) > 0) {
            progress.indexed(Math.max(0, total - Math.max(0, pending - pendingBefore)), total);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The rebuild is queued but " + pending + " index update(s) are still waiting after "
                        + timeout.toSeconds() + " s; is an instance running (floe serve) to process them? They will be processed when one is.");
            }
            sleep();
        }
        progress.indexed(total, total);
        long removed = removeStaleDocuments();
        return new Report(pages, others, removed, (System.nanoTime() - started) / 1_000_000);
    }

    /** Queues every entity of one type for re-indexing, in batches; returns how many there are. */
    private long queue(String entity) {
        List<Long> ids = entityManager.createQuery("select e.id from " + entity + " e order by e.id", Long.class).getResultList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            transactions.executeWithoutResult(status -> {
                SearchSession session = Search.session(entityManager);
                entityManager.createQuery("select e from " + entity + " e where e.id in :ids", Object.class).setParameter("ids", batch)
                        .getResultList().forEach(e -> session.indexingPlan().addOrUpdate(e));
            });
            entityManager.clear();
        }
        return ids.size();
    }

    private long pendingEvents() {
        Long count = jdbc.queryForObject("select count(*) from " + SearchOutbox.EVENT_TABLE + " where status = 'PENDING'", Long.class);
        return count == null ? 0 : count;
    }

    /** Removes documents whose entity is gone from the database (the rebuild only replaced the others). */
    private long removeStaleDocuments() {
        long removed = 0;
        for (Indexed type : indexed()) {
            removed += removeStaleDocuments(type);
        }
        return removed;
    }

    private long removeStaleDocuments(Indexed type) {
        try {
            Set<Long> indexed = indexedIds(type);
            Long removed = transactions.execute(status -> {
                indexed.removeAll(entityManager.createQuery("select e.id from " + entityName(type.type()) + " e", Long.class).getResultList());
                SearchSession session = Search.session(entityManager);
                indexed.forEach(id -> session.indexingPlan().purge(type.type(), id, null));
                return (long) indexed.size();
            });
            return removed == null ? 0 : removed;
        } catch (SearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /**
     * The entities an index has documents for. The embedded index is read from its last commit, without Hibernate
     * Search: searching through it would open the index for writing, which a running instance may hold.
     */
    private Set<Long> indexedIds(Indexed type) {
        Set<Long> ids = new HashSet<>();
        if (settings.elasticsearchAddress().isEmpty()) {
            Path directory = SearchConfiguration.luceneRoot(settings).resolve(type.index());
            try (FSDirectory index = new NIOFSDirectory(directory); DirectoryReader reader = DirectoryReader.open(index)) {
                StoredFields stored = reader.storedFields();
                Bits live = MultiBits.getLiveDocs(reader);
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Number id = stored.document(doc, Set.of(type.idField())).getField(type.idField()) instanceof IndexableField f
                                ? f.numericValue() : null;
                        if (id != null) {
                            ids.add(id.longValue());
                        }
                    }
                }
            } catch (IndexNotFoundException | java.nio.file.NoSuchFileException e) {
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ids;
        }
        transactions.executeWithoutResult(status -> {
            try (var scroll = Search.session(entityManager).search(type.type()).select(f -> f.id(Long.class))
                    .where(f -> f.matchAll()).scroll(1000)) {
                for (var chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                    ids.addAll(chunk.hits());
                }
            }
        });
        return ids;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Reindexing was interrupted; the queued updates are still processed.", e);
        }
    }
}
