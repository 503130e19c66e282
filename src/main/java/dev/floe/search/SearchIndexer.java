package dev.floe.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.backend.elasticsearch.schema.management.ElasticsearchIndexSchemaExport;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.floe.config.FloeSettings;
import dev.floe.pages.Page;

/**
 * Rebuilds the search indexes from the database, while searches keep answering in full.
 *
 * <p>On Elasticsearch / OpenSearch, into new indexes swapped in at the end (see {@link IndexSwap}), so that a changed
 * mapping or analyzer takes effect. On the embedded index, in place: every page (and every {@link SearchableEntity})
 * is queued for re-indexing through the outbox, where the instance holding the index replaces each document where it
 * stands, and documents of entities that no longer exist are removed at the end. The embedded index is not swapped:
 * its folder is fixed when the serving instance starts and held open by it, not by the process running the rebuild.
 */
@Service
public class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private static final int BATCH = 500;
    /** How long a rebuild on a search server holds its claim without renewing it before another may take over. */
    private static final Duration LEASE_EXPIRY = Duration.ofSeconds(60);

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

    /** The pages' index's name (the others' names derive from it). */
    String pageIndexName() {
        return SearchConfiguration.indexName(settings, environment);
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

        /** A new step of the rebuild begins, described in a sentence. */
        default void step(String description) {
        }
    }

    /** What a rebuild did: pages and other entities (documents, images) re-indexed, stale documents removed. */
    public record Report(long pages, long others, long removed, long millis) {
        public long indexed() {
            return pages + others;
        }
    }

    /**
     * Rebuilds, waiting at most {@code timeout} for the outbox to be processed: on Elasticsearch / OpenSearch into a
     * new index swapped in at the end, on the embedded index in place.
     */
    public Report reindex(Progress progress, Duration timeout) {
        if (settings.elasticsearchAddress().isPresent()) {
            return new IndexSwap(new OpenSearchIndexes(settings.elasticsearchAddress().get()), progress, timeout).run();
        }
        return inPlace(progress, timeout);
    }

    /** Re-indexes every entity where its document stands, through the outbox, then removes documents of entities gone. */
    private Report inPlace(Progress progress, Duration timeout) {
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

    /** Called with each step's name as a rebuild on a search server reaches it; tests fail a rebuild there. */
    volatile java.util.function.BiConsumer<String, Map<String, String>> beforeStep = (step, newIndexes) -> { };

    /**
     * A blue/green rebuild on Elasticsearch / OpenSearch. For each index NAME, searches read through NAME-read and
     * index updates (the outbox, the mass indexer) write through NAME-write, both on NAME-00000k: a new NAME-00000k+1
     * is created with the schema Hibernate Search expects now, the write aliases move to it, the mass indexer fills
     * it, the outbox replays every entity into it (closing the window in which the mass indexer could write an entity
     * as it was before an edit that the outbox had already delivered), and then the read aliases move to it. Every
     * instance reads and writes through the aliases, so all switch at each move. On failure the write aliases go
     * back, the new indexes are deleted and the old ones are brought up to date in place, since edits made
     * meanwhile reached only the new ones.
     */
    private final class IndexSwap {
        private final OpenSearchIndexes server;
        private final Progress progress;
        private final Duration timeout;
        private final List<String> names;
        private final Map<String, String> oldIndexes = new LinkedHashMap<>();
        private final Map<String, String> newIndexes = new LinkedHashMap<>();
        private boolean writesMoved;
        private java.util.concurrent.atomic.AtomicReference<OpenSearchIndexes.Lease> lease;

        IndexSwap(OpenSearchIndexes server, Progress progress, Duration timeout) {
            this.server = server;
            this.progress = progress;
            this.timeout = timeout;
            this.names = indexed().stream().map(Indexed::index).toList();
        }

        Report run() {
            String owner = ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID();
            OpenSearchIndexes.Lease taken = server.takeLease(names.getFirst(), owner, LEASE_EXPIRY).orElseThrow(() -> new IllegalStateException(
                    "Another floe reindex is rebuilding the search index; wait for it to finish (a killed one's claim lapses after "
                            + LEASE_EXPIRY.toSeconds() + " s)"));
            java.util.concurrent.atomic.AtomicReference<OpenSearchIndexes.Lease> lease = new java.util.concurrent.atomic.AtomicReference<>(taken);
            var renewal = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("floe-reindex-lease").factory());
            renewal.scheduleWithFixedDelay(() -> {
                OpenSearchIndexes.Lease held = lease.get();
                if (held != null) {
                    try {
                        lease.set(server.renewLease(held).orElse(null));
                    } catch (RuntimeException e) {
                        log.warn("Could not renew the search rebuild's lease: {}", firstLine(e));
                    }
                }
            }, LEASE_EXPIRY.toSeconds() / 6, LEASE_EXPIRY.toSeconds() / 6, java.util.concurrent.TimeUnit.SECONDS);
            this.lease = lease;
            try {
                return swap();
            } finally {
                renewal.shutdownNow();
                OpenSearchIndexes.Lease held = lease.get();
                if (held != null) {
                    try {
                        server.releaseLease(held);
                    } catch (RuntimeException e) {
                        log.warn("Could not release the search rebuild's lease (it lapses by itself): {}", firstLine(e));
                    }
                }
            }
        }

        /** Fails the rebuild once another one has taken the lease over, thinking this one dead. */
        private void step(String name) {
            if (lease.get() == null) {
                throw new IllegalStateException("Another floe reindex took over the rebuild, this one having gone "
                        + LEASE_EXPIRY.toSeconds() + " s without renewing its claim");
            }
            beforeStep.accept(name, newIndexes);
        }

        private Report swap() {
            long started = System.nanoTime();
            repairHalfDoneRebuild();
            for (String name : names) {
                oldIndexes.put(name, server.aliasTarget(OpenSearchIndexes.readAlias(name)).orElseThrow(() -> new IllegalStateException(
                        "The search index " + name + " has no alias " + OpenSearchIndexes.readAlias(name) + "; start an instance (floe serve) to create it")));
            }
            Report report;
            try {
                Map<String, ElasticsearchIndexSchemaExport> schemas = expectedSchemas();
                for (String name : names) {
                    String next = server.nextGeneration(name);
                    ElasticsearchIndexSchemaExport schema = schemas.get(name);
                    if (schema == null) {
                        throw new IllegalStateException("Hibernate Search exported no schema for the index " + name);
                    }
                    newIndexes.put(name, next);
                    server.create(next, schema.bodyParts().getFirst().toString(), schema.parameters());
                }
                step("move-write-aliases");
                moveAliases(OpenSearchIndexes::writeAlias, oldIndexes, newIndexes);
                writesMoved = true;
                step("mass-index");
                progress.step("Building the new index " + String.join(", ", newIndexes.values()));
                massIndex();
                step("replay");
                progress.step("Bringing in the edits made meanwhile");
                Report replayed = inPlace(progress, timeout);
                long dropped = replayed.removed();
                for (Indexed type : indexed()) {
                    dropped += goneEntities(type, server.documentIds(oldIndexes.get(type.index())));
                }
                step("move-read-aliases");
                moveAliases(OpenSearchIndexes::readAlias, oldIndexes, newIndexes);
                report = new Report(replayed.pages(), replayed.others(), dropped, (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                throw rollBack(e);
            }
            try {
                oldIndexes.values().forEach(server::delete);
            } catch (RuntimeException e) {
                log.warn("The search index swap is done, but deleting the old index failed ({}); the next floe reindex deletes it", firstLine(e));
            }
            return report;
        }

        /**
         * A rebuild killed half-way leaves a write alias on an index that searches do not read: move it back to the
         * index searches read, delete the abandoned index and bring the one that serves up to date in place.
         */
        private void repairHalfDoneRebuild() {
            List<OpenSearchIndexes.AliasMove> moves = new ArrayList<>();
            Map<String, String> serving = new LinkedHashMap<>();
            for (String name : names) {
                String read = server.aliasTarget(OpenSearchIndexes.readAlias(name)).orElse(null);
                if (read == null) {
                    continue;
                }
                serving.put(name, read);
                String writeAlias = OpenSearchIndexes.writeAlias(name);
                if (server.isConcreteIndex(writeAlias)) {
                    moves.add(new OpenSearchIndexes.AliasMove(writeAlias, null, read, true));
                } else {
                    String write = server.aliasTarget(writeAlias).orElse(null);
                    if (!read.equals(write)) {
                        moves.add(new OpenSearchIndexes.AliasMove(writeAlias, write, read));
                    }
                }
            }
            if (!moves.isEmpty()) {
                progress.step("Repairing a rebuild left half-done: writes go back to " + String.join(", ", serving.values()));
                server.moveAliases(moves);
            }
            serving.forEach((name, read) -> server.generations(name).stream().filter(index -> !index.equals(read)).forEach(server::delete));
            if (!moves.isEmpty()) {
                progress.step("Bringing the edits made during the abandoned rebuild into " + String.join(", ", serving.values()));
                inPlace(progress, timeout);
            }
        }

        /** How many of an old index's documents are of entities gone from the database: the swap drops them. */
        private long goneEntities(Indexed type, Set<String> documentIds) {
            Set<Long> gone = new HashSet<>();
            documentIds.forEach(id -> gone.add(Long.parseLong(id)));
            transactions.executeWithoutResult(status -> gone.removeAll(
                    entityManager.createQuery("select e.id from " + entityName(type.type()) + " e", Long.class).getResultList()));
            return gone.size();
        }

        private Map<String, ElasticsearchIndexSchemaExport> expectedSchemas() {
            Map<String, ElasticsearchIndexSchemaExport> schemas = new LinkedHashMap<>();
            Search.mapping(entityManager.getEntityManagerFactory()).scope(Object.class).schemaManager()
                    .exportExpectedSchema((backend, index, export) -> schemas.put(index, export.extension(ElasticsearchExtension.get())));
            return schemas;
        }

        private void moveAliases(java.util.function.UnaryOperator<String> alias, Map<String, String> from, Map<String, String> to) {
            server.moveAliases(names.stream().map(name -> new OpenSearchIndexes.AliasMove(alias.apply(name), from.get(name), to.get(name))).toList());
        }

        private void massIndex() {
            MassIndexingProgress monitor = new MassIndexingProgress(progress);
            try {
                // Neither purge nor drop: they would act on the write alias, now the new index, and must not anyway.
                Search.mapping(entityManager.getEntityManagerFactory()).scope(Object.class).massIndexer()
                        .purgeAllOnStart(false).dropAndCreateSchemaOnStart(false).mergeSegmentsOnFinish(false)
                        .threadsToLoadObjects(2).failFast(true).monitor(monitor).startAndWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The rebuild was interrupted", e);
            }
        }

        /**
         * Puts both aliases of every index back on the old one (from the server's state, not from what this rebuild
         * believes it did: a request can succeed although its answer was lost), deletes the new indexes and brings the
         * old ones up to date.
         */
        private RuntimeException rollBack(RuntimeException failure) {
            String reason = firstLine(failure);
            try {
                List<OpenSearchIndexes.AliasMove> moves = new ArrayList<>();
                for (String name : names) {
                    String old = oldIndexes.get(name);
                    for (String alias : List.of(OpenSearchIndexes.writeAlias(name), OpenSearchIndexes.readAlias(name))) {
                        if (server.isConcreteIndex(alias)) {
                            moves.add(new OpenSearchIndexes.AliasMove(alias, null, old, true));
                        } else {
                            String target = server.aliasTarget(alias).orElse(null);
                            if (!old.equals(target)) {
                                moves.add(new OpenSearchIndexes.AliasMove(alias, target, old));
                            }
                        }
                    }
                }
                if (!moves.isEmpty()) {
                    server.moveAliases(moves);
                }
                newIndexes.values().forEach(server::delete);
                if (writesMoved || !moves.isEmpty()) {
                    progress.step("The rebuild failed; bringing the edits made meanwhile into " + String.join(", ", oldIndexes.values()));
                    inPlace(progress, timeout);
                }
            } catch (RuntimeException alsoFailed) {
                alsoFailed.addSuppressed(failure);
                return new IllegalStateException("The rebuild failed (" + reason + ") and so did restoring the old index (" + firstLine(alsoFailed)
                        + "); run floe reindex again: it repairs a rebuild left half-done first", alsoFailed);
            }
            return new IllegalStateException("The rebuild failed (" + reason + "); the old index serves searches as before, with every edit", failure);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable shown = e instanceof SearchUnavailableException && e.getCause() != null ? e.getCause() : e;
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    /** The mass indexer's counts, as the command's progress bar. */
    private static final class MassIndexingProgress implements MassIndexingMonitor {
        private final Progress progress;
        private final java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong added = new java.util.concurrent.atomic.AtomicLong();

        MassIndexingProgress(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void addToTotalCount(long count) {
            total.addAndGet(count);
        }

        @Override
        public void documentsAdded(long count) {
            progress.indexed(added.addAndGet(count), total.get());
        }

        @Override
        public void documentsBuilt(long count) {
        }

        @Override
        public void entitiesLoaded(long count) {
        }

        @Override
        public void indexingCompleted() {
            progress.indexed(added.get(), Math.max(added.get(), total.get()));
        }
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
        // Read from the index being written (during a swap, the new one), not through Hibernate Search, which reads the old.
        OpenSearchIndexes indexes = new OpenSearchIndexes(settings.elasticsearchAddress().get());
        for (String id : indexes.documentIds(OpenSearchIndexes.writeAlias(type.index()))) {
            ids.add(Long.parseLong(id));
        }
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
