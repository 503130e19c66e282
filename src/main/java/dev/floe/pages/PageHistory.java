package dev.floe.pages;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.blocks.Block;

/** A page's revisions, and what changed between two of them. */
@Service
@Transactional(readOnly = true)
public class PageHistory {

    private final RevisionRepository revisions;
    private final PageRepository pages;
    private final ContentCodec codec;

    PageHistory(RevisionRepository revisions, PageRepository pages, ContentCodec codec) {
        this.revisions = revisions;
        this.pages = pages;
        this.codec = codec;
    }

    public List<Revision> revisions(long pageId) {
        if (!pages.existsById(pageId)) {
            throw new PageNotFoundException(pageId);
        }
        return revisions.findByPageIdOrderByIdDesc(pageId);
    }

    public Revision revision(long pageId, long revisionId) {
        return revisions.findByIdAndPageId(revisionId, pageId).orElseThrow(() -> new RevisionNotFoundException(pageId, revisionId));
    }

    /** The revision that holds the page's current draft. */
    public Revision draftRevision(Page page) {
        return revisions.findFirstByPageIdAndDraftVersionOrderByIdDesc(page.getId(), page.getDraftVersion())
                .orElseThrow(() -> new IllegalStateException("page " + page.getId() + " has no revision for draft version "
                        + page.getDraftVersion()));
    }

    public PageContent content(Revision revision) {
        return codec.read(revision.getContent());
    }

    /** One difference between two revisions: {@code field} is "title", "slug", "fields.intro", "slots.main[2]", ... */
    public record Change(String field, Object before, Object after) {
    }

    /** The differences from revision {@code from} to revision {@code to}, field by field and block by block. */
    public List<Change> compare(long pageId, long from, long to) {
        Revision a = revision(pageId, from);
        Revision b = revision(pageId, to);
        PageContent before = content(a);
        PageContent after = content(b);
        List<Change> changes = new ArrayList<>();
        compareValue(changes, "title", before.title(), after.title());
        compareValue(changes, "slug", a.getSlug(), b.getSlug());
        compareValue(changes, "layout", before.layout(), after.layout());
        for (String name : union(before.fields().keySet(), after.fields().keySet())) {
            compareValue(changes, "fields." + name, before.fields().get(name), after.fields().get(name));
        }
        for (String slot : union(before.slots().keySet(), after.slots().keySet())) {
            List<Block> x = before.slots().getOrDefault(slot, List.of());
            List<Block> y = after.slots().getOrDefault(slot, List.of());
            for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
                compareValue(changes, "slots." + slot + "[" + i + "]",
                        i < x.size() ? asMap(x.get(i)) : null, i < y.size() ? asMap(y.get(i)) : null);
            }
        }
        return changes;
    }

    private static Map<String, Object> asMap(Block block) {
        return Map.of("type", block.type(), "value", block.value());
    }

    private static void compareValue(List<Change> changes, String field, Object before, Object after) {
        if (!Objects.equals(normalise(before), normalise(after))) {
            changes.add(new Change(field, before, after));
        }
    }

    // JSON numbers come back as Integer or Long depending on size; compare them as numbers.
    private static Object normalise(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                    e -> String.valueOf(e.getKey()), e -> Objects.requireNonNullElse(normalise(e.getValue()), "")));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> Objects.requireNonNullElse(normalise(v), "")).toList();
        }
        return value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
