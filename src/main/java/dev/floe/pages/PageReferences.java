package dev.floe.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.FieldSpec;

/**
 * What each page's draft and live content refer to (shared content, media, other pages), kept in the table
 * {@code page_reference} and rewritten in the same transaction as every write of either content, so that "which pages
 * use this?" is one indexed query. A page is waiting when it existed before the table (queued in
 * {@code page_reference_pending}) or when its draft version or publication time is not the one its references were
 * recorded from: then a release that does not record references wrote it, as the previous release's instances do
 * during a rolling upgrade. Waiting pages are read on every question, so answers are never short, until
 * {@link #backfillPending()} records them.
 * <p>
 * Which fields can refer to something comes from the site's page and block types, which a release of the site can
 * change (a field's type, a type removed or added). Each instance knows its types' {@linkplain #layout() layout}; the
 * newest instance to start makes its layout the site's current one ({@link #adoptLayout()}), and when that changes
 * every page waits to be recorded again. Only instances of the current layout record waiting pages, so that those of
 * the other release, during a rolling upgrade or a rollback, do not record them by the types being replaced; a page
 * they write waits for the others.
 */
@Service
public class PageReferences {

    /** The block type that places shared content, and the name of its field holding the shared content's id. */
    public static final String SHARED_CONTENT_BLOCK = "shared_content";

    private static final Logger log = LoggerFactory.getLogger(PageReferences.class);
    private static final int BACKFILL_BATCH = 200;
    private static final String WAITING = "SELECT page_id AS id FROM page_reference_pending UNION SELECT id FROM page"
            + " WHERE references_draft_version IS DISTINCT FROM draft_version"
            + " OR references_published_at IS DISTINCT FROM last_published_at";

    /** What a page can refer to. */
    public enum Kind {
        SHARED_CONTENT, IMAGE, DOCUMENT, PAGE;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One thing a version of a page refers to. */
    record Reference(Kind kind, long targetId) {
    }

    /** A page (in the tree, not in the bin) that refers to something, in its draft or its live version. */
    public record UsingPage(long id, String path) {

        /** Why {@code what} cannot be deleted while {@code pages} use it, naming the first ten. */
        public static String refusal(String what, List<UsingPage> pages) {
            return "The " + what + " is used on " + pages.size() + (pages.size() == 1 ? " page" : " pages") + " ("
                    + String.join(", ", pages.stream().limit(10).map(UsingPage::path).toList())
                    + (pages.size() > 10 ? ", …" : "") + "); remove it from " + (pages.size() == 1 ? "that page" : "them")
                    + " first.";
        }
    }

    private final JdbcClient jdbc;
    private final PageRepository pages;
    private final ContentCodec codec;
    private final PageTypes pageTypes;
    private final BlockTypes blockTypes;
    private final TransactionTemplate transactions;
    private final String layout;

    PageReferences(JdbcClient jdbc, PageRepository pages, ContentCodec codec, PageTypes pageTypes, BlockTypes blockTypes,
                   PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.pages = pages;
        this.codec = codec;
        this.pageTypes = pageTypes;
        this.blockTypes = blockTypes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.layout = layoutOf(pageTypes.all(), blockTypes.all());
    }

    /** A digest of which fields of which page and block types can refer to something, and to what. */
    String layout() {
        return layout;
    }

    static String layoutOf(Collection<PageType> pageTypes, Collection<BlockType> blockTypes) {
        StringBuilder out = new StringBuilder();
        pageTypes.stream().sorted(Comparator.comparing(PageType::name))
                .forEach(type -> describe(out, "page " + type.name(), type.fields()));
        blockTypes.stream().sorted(Comparator.comparing(BlockType::name))
                .forEach(type -> describe(out, "block " + type.name(), type.fields()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the type's referring fields, if it has any: a type without them adds nothing a page could refer to. */
    private static void describe(StringBuilder out, String type, Map<String, FieldSpec> fields) {
        String referring = referringFields(fields);
        if (!referring.isEmpty()) {
            out.append(type).append(referring).append('\n');
        }
    }

    private static String referringFields(Map<String, FieldSpec> fields) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(fields).forEach((name, spec) -> {
            switch (spec.type()) {
                case PAGE, IMAGE, DOCUMENT -> out.append(' ').append(name).append(':').append(spec.type());
                case LIST -> {
                    String items = referringFields(spec.fields());
                    if (!items.isEmpty()) {
                        out.append(' ').append(name).append(":list[").append(items).append(" ]");
                    }
                }
                default -> {
                }
            }
        });
        return out.toString();
    }

    /**
     * Makes this instance's layout the site's current one, as the newest instance to start, and returns whether it
     * changed: then every page waits to be recorded again, as it does when no layout was known.
     */
    @Transactional
    public boolean adoptLayout() {
        String current = jdbc.sql("SELECT fingerprint FROM page_reference_layout WHERE id = 1 FOR UPDATE").query(String.class)
                .optional().orElse(null);
        if (layout.equals(current)) {
            return false;
        }
        jdbc.sql("UPDATE page_reference_layout SET fingerprint = ? WHERE id = 1").param(layout).update();
        int queued = jdbc.sql("INSERT INTO page_reference_pending (page_id) SELECT id FROM page"
                + " WHERE id NOT IN (SELECT page_id FROM page_reference_pending)").update();
        if (current == null) {
            log.info("No page and block types are known for the pages' references yet; {} page(s) wait to be recorded with this release's", queued);
        } else {
            log.info("The site's page and block types differ from those the pages' references were recorded with;"
                    + " {} page(s) wait to be recorded again", queued);
        }
        return true;
    }

    private boolean layoutIsCurrent() {
        return jdbc.sql("SELECT fingerprint FROM page_reference_layout WHERE id = 1").query(String.class)
                .optional().map(layout::equals).orElse(false);
    }

    /** The pages whose draft or live content refers to {@code targetId} as a {@code kind}, in tree order. */
    @Transactional(readOnly = true)
    public List<UsingPage> pagesUsing(Kind kind, long targetId) {
        Map<Long, UsingPage> using = new LinkedHashMap<>();
        jdbc.sql("SELECT DISTINCT p.id, p.path FROM page_reference r JOIN page p ON p.id = r.page_id"
                        + " WHERE r.kind = ? AND r.target_id = ? AND p.binned_at IS NULL")
                .params(kind.column(), targetId)
                .query((rs, row) -> new UsingPage(rs.getLong(1), rs.getString(2)))
                .list().forEach(page -> using.put(page.id(), page));
        List<Long> pending = jdbc.sql(WAITING).query(Long.class).list();
        if (!pending.isEmpty()) {
            Reference wanted = new Reference(kind, targetId);
            for (Page page : pages.findAllById(pending)) {
                if (!page.isBinned() && (referencesIn(page.getType(), page.getDraftContent()).contains(wanted)
                        || referencesIn(page.getType(), page.getLiveContent()).contains(wanted))) {
                    using.put(page.getId(), new UsingPage(page.getId(), page.getPath()));
                }
            }
        }
        List<UsingPage> sorted = new ArrayList<>(using.values());
        sorted.sort(Comparator.comparing(UsingPage::path));
        return sorted;
    }

    /** Rewrites the page's rows from its draft and live content, inside the transaction that wrote them. */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(Page page) {
        // The fingerprint below is copied from the row, so the row must hold what this transaction wrote.
        pages.flush();
        jdbc.sql("DELETE FROM page_reference WHERE page_id = ?").param(page.getId()).update();
        jdbc.sql("DELETE FROM page_reference_pending WHERE page_id = ?").param(page.getId()).update();
        insert(page.getId(), true, referencesIn(page.getType(), page.getDraftContent()));
        insert(page.getId(), false, referencesIn(page.getType(), page.getLiveContent()));
        jdbc.sql("UPDATE page SET references_draft_version = draft_version, references_published_at = last_published_at WHERE id = ?")
                .param(page.getId()).update();
        if (!layoutIsCurrent()) {
            // Recorded by the types of a release being replaced or rolled back: the current ones record it again.
            jdbc.sql("INSERT INTO page_reference_pending (page_id) VALUES (?)").param(page.getId()).update();
        }
    }

    private void insert(long pageId, boolean draft, Set<Reference> references) {
        for (Reference reference : references) {
            jdbc.sql("INSERT INTO page_reference (page_id, draft, kind, target_id) VALUES (?, ?, ?, ?)")
                    .params(pageId, draft, reference.kind().column(), reference.targetId()).update();
        }
    }

    /**
     * Records the references of the waiting pages, a batch per transaction, each page locked as an edit locks it;
     * several instances may run this at once. Returns how many pages this call recorded: none when this instance's
     * layout is not the current one.
     */
    public int backfillPending() {
        if (!layoutIsCurrent()) {
            return 0;
        }
        int recorded = 0;
        Set<Long> done = new HashSet<>();
        while (true) {
            List<Long> batch = transactions.execute(status -> {
                List<Long> ids = jdbc.sql("SELECT id FROM (" + WAITING + ") waiting ORDER BY id FETCH FIRST "
                        + BACKFILL_BATCH + " ROWS ONLY").query(Long.class).list();
                for (long id : ids) {
                    pages.findForUpdate(id).ifPresent(this::record);
                }
                return ids;
            });
            // A page written again by another release meanwhile waits for the next call, rather than holding this one.
            if (batch == null || !done.addAll(batch)) {
                break;
            }
            recorded += batch.size();
        }
        if (recorded > 0) {
            log.info("Recorded what {} page(s) refer to", recorded);
        }
        return recorded;
    }

    /** What a version of a page of type {@code pageType} refers to; nothing for a version that does not exist. */
    Set<Reference> referencesIn(String pageType, String json) {
        Set<Reference> found = new LinkedHashSet<>();
        if (json == null) {
            return found;
        }
        PageContent content = codec.read(json);
        pageTypes.find(pageType).ifPresent(type -> collect(type.fields(), content.fields(), found));
        for (List<Block> blocks : content.slots().values()) {
            for (Block block : blocks) {
                if (SHARED_CONTENT_BLOCK.equals(block.type()) && block.value().get(SHARED_CONTENT_BLOCK) instanceof Number id) {
                    found.add(new Reference(Kind.SHARED_CONTENT, id.longValue()));
                }
                blockTypes.find(block.type()).map(BlockType::fields).ifPresent(fields -> collect(fields, block.value(), found));
            }
        }
        return found;
    }

    private static void collect(Map<String, FieldSpec> specs, Object value, Set<Reference> found) {
        if (!(value instanceof Map<?, ?> values)) {
            return;
        }
        for (Map.Entry<String, FieldSpec> field : specs.entrySet()) {
            Object v = values.get(field.getKey());
            switch (field.getValue().type()) {
                case PAGE -> add(Kind.PAGE, v, found);
                case IMAGE -> add(Kind.IMAGE, v, found);
                case DOCUMENT -> add(Kind.DOCUMENT, v, found);
                case LIST -> {
                    if (v instanceof List<?> items) {
                        items.forEach(item -> collect(field.getValue().fields(), item, found));
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void add(Kind kind, Object value, Set<Reference> found) {
        if (value instanceof Number id) {
            found.add(new Reference(kind, id.longValue()));
        }
    }
}
