package dev.floe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
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
 * Rebuilds the search index from the database. Every page is queued for re-indexing through the outbox, where the
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

    SearchIndexer(EntityManager entityManager, TransactionTemplate transactions, JdbcTemplate jdbc, FloeSettings settings,
                  Environment environment) {
        this.settings = settings;
        this.environment = environment;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Told how far a rebuild has come: pages indexed so far, and how many there are. */
    @FunctionalInterface
    public interface Progress {
        void indexed(long done, long total);
    }

    /** What a rebuild did. */
    public record Report(long indexed, long removed, long millis) {
    }

    /** Rebuilds, waiting at most {@code timeout} for the outbox to be processed. */
    public Report reindex(Progress progress, Duration timeout) {
        long started = System.nanoTime();
        List<Long> ids = jdbc.queryForList("select id from page order by id", Long.class);
        long pendingBefore = pendingEvents();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            transactions.executeWithoutResult(status -> {
                SearchSession session = Search.session(entityManager);
                entityManager.createQuery("select p from Page p where p.id in :ids", Page.class).setParameter("ids", batch)
                        .getResultList().forEach(page -> session.indexingPlan().addOrUpdate(page));
            });
            entityManager.clear();
        }
        long total = ids.size();
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
        return new Report(total, removed, (System.nanoTime() - started) / 1_000_000);
    }

    private long pendingEvents() {
        Long count = jdbc.queryForObject("select count(*) from " + SearchOutbox.EVENT_TABLE + " where status = 'PENDING'", Long.class);
        return count == null ? 0 : count;
    }

    /** Removes documents whose page is gone from the database (the rebuild only replaced the others). */
    private long removeStaleDocuments() {
        try {
            Set<Long> indexed = indexedPageIds();
            Long removed = transactions.execute(status -> {
                indexed.removeAll(entityManager.createQuery("select p.id from Page p", Long.class).getResultList());
                SearchSession session = Search.session(entityManager);
                indexed.forEach(id -> session.indexingPlan().purge(Page.class, id, null));
                return (long) indexed.size();
            });
            return removed == null ? 0 : removed;
        } catch (SearchException e) {
            throw new SearchUnavailableException(e);
        }
    }

    /**
     * The pages the index has documents for. The embedded index is read from its last commit, without Hibernate
     * Search: searching through it would open the index for writing, which a running instance may hold.
     */
    private Set<Long> indexedPageIds() {
        Set<Long> ids = new HashSet<>();
        if (settings.elasticsearchAddress().isEmpty()) {
            Path directory = SearchConfiguration.luceneRoot(settings).resolve(SearchConfiguration.indexName(settings, environment));
            try (FSDirectory index = new NIOFSDirectory(directory); DirectoryReader reader = DirectoryReader.open(index)) {
                StoredFields stored = reader.storedFields();
                Bits live = MultiBits.getLiveDocs(reader);
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        Number id = stored.document(doc, Set.of(PageSearchMapping.PAGE_ID)).getField(PageSearchMapping.PAGE_ID) instanceof IndexableField f
                                ? f.numericValue() : null;
                        if (id != null) {
                            ids.add(id.longValue());
                        }
                    }
                }
            } catch (IndexNotFoundException e) {
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ids;
        }
        transactions.executeWithoutResult(status -> {
            try (var scroll = Search.session(entityManager).search(Page.class).select(f -> f.id(Long.class))
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
