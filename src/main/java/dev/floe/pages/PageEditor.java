package dev.floe.pages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.ContentValidationException;
import dev.floe.blocks.FieldValidator;
import dev.floe.blocks.ValidationProblem;

/**
 * Changes to pages' drafts and to the tree: create, save a draft, restore a revision, move. Every save is checked
 * against the page type, based on the version the editor saw, and recorded as a revision.
 */
@Service
public class PageEditor {

    private static final int MAX_TITLE = 500;

    private final PageRepository pages;
    private final RevisionRepository revisions;
    private final PageTypes pageTypes;
    private final BlockTypes blockTypes;
    private final FieldValidator fieldValidator;
    private final ContentCodec codec;
    private final PageReferences references;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PageEditor(PageRepository pages, RevisionRepository revisions, PageTypes pageTypes, BlockTypes blockTypes,
               FieldValidator fieldValidator, ContentCodec codec, PageReferences references, ApplicationEventPublisher events,
               Clock clock) {
        this.pages = pages;
        this.revisions = revisions;
        this.pageTypes = pageTypes;
        this.blockTypes = blockTypes;
        this.fieldValidator = fieldValidator;
        this.codec = codec;
        this.references = references;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Page create(long parentId, String typeName, DraftInput input, Author author) {
        Page parent = pages.findForUpdate(parentId).filter(p -> !p.isBinned()).orElseThrow(() -> new TreeConflictException(
                "The parent page " + parentId + " does not exist."));
        PageType type = pageTypes.find(typeName).orElseThrow(() -> new ContentValidationException(List.of(
                ValidationProblem.ofField("type", "there is no page type '" + typeName + "' (types: "
                        + pageTypes.names() + ")"))));
        checkPlacement(type, pageTypes.get(parent.getType()));
        String slug = input.slug() == null || input.slug().isBlank()
                ? Slugs.fromTitle(input.title(), parent.isHome(), candidate -> pages.existsByParentIdAndSlug(parentId, candidate))
                : Slugs.check(input.slug(), parent.isHome());
        if (pages.existsByParentIdAndSlug(parentId, slug)) {
            throw new TreeConflictException("A page with the slug '" + slug + "' already exists under " + parent.getPath() + ".");
        }
        PageContent content = validate(type, new PageContent(null, null, Map.of(), Map.of()), input, author);
        Instant now = clock.instant();
        Page page = new Page(parentId, pages.maxChildPosition(parentId) + 1, slug, parent.getPath() + slug + "/",
                parent.getDepth() + 1, type.name(), now);
        page.writeDraft(content.title(), codec.write(content), author.email(), now);
        page.markUnpublishedChanges(true);
        pages.saveAndFlush(page);
        references.record(page);
        record(page, Revision.Kind.CREATED, author, now);
        return page;
    }

    @Transactional
    public Page saveDraft(long pageId, int basedOnVersion, DraftInput input, Author author) {
        Page page = lockCurrent(pageId, basedOnVersion);
        PageType type = pageTypes.get(page.getType());
        PageContent content = validate(type, codec.read(page.getDraftContent()), input, author);
        if (input.slug() != null && !input.slug().equals(page.getSlug())) {
            if (page.isHome()) {
                throw new TreeConflictException("The home page has no slug; it always lives at /.");
            }
            Page parent = pages.findById(page.getParentId()).orElseThrow();
            String slug = Slugs.check(input.slug(), parent.isHome());
            if (pages.existsByParentIdAndSlug(parent.getId(), slug)) {
                throw new TreeConflictException("A page with the slug '" + slug + "' already exists under " + parent.getPath() + ".");
            }
            page.rename(slug);
            page = relocate(page, parent, parent.getPath() + slug + "/");
        }
        Instant now = clock.instant();
        page.writeDraft(content.title(), codec.write(content), author.email(), now);
        page.markUnpublishedChanges(true);
        pages.saveAndFlush(page);
        references.record(page);
        record(page, Revision.Kind.SAVED, author, now);
        return page;
    }

    /** Checks a change against the page type as a save would, storing nothing: what a preview of unsaved changes shows. */
    @Transactional(readOnly = true)
    public PageContent check(long pageId, DraftInput input, Author author) {
        Page page = pages.findById(pageId).filter(p -> !p.isBinned()).orElseThrow(() -> new PageNotFoundException(pageId));
        return validate(pageTypes.get(page.getType()), codec.read(page.getDraftContent()), input, author);
    }

    /** Makes an earlier revision's content the draft again, as a new revision. */
    @Transactional
    public Page restore(long pageId, long revisionId, Integer basedOnVersion, Author author) {
        Page page = basedOnVersion == null ? lock(pageId) : lockCurrent(pageId, basedOnVersion);
        Revision revision = revisions.findByIdAndPageId(revisionId, pageId).orElseThrow(() -> new RevisionNotFoundException(pageId, revisionId));
        PageContent old = codec.read(revision.getContent());
        PageType type = pageTypes.get(page.getType());
        PageContent content = validate(type, new PageContent(null, null, Map.of(), Map.of()),
                new DraftInput(old.title(), null, old.layout(), old.fields(), rawSlots(old)), author);
        Instant now = clock.instant();
        page.writeDraft(content.title(), codec.write(content), author.email(), now);
        page.markUnpublishedChanges(true);
        pages.saveAndFlush(page);
        references.record(page);
        record(page, Revision.Kind.RESTORED, author, now);
        return page;
    }

    /** Discards the draft in favour of the live content. Publishing calls this for "revert to live". */
    @Transactional
    public Page replaceDraftWithLive(long pageId, Author author) {
        Page page = lock(pageId);
        if (page.getLiveContent() == null) {
            throw new TreeConflictException("Page " + pageId + " has never been published, so there is no live version to revert to.");
        }
        Instant now = clock.instant();
        page.writeDraft(page.getLiveTitle(), page.getLiveContent(), author.email(), now);
        page.markUnpublishedChanges(!page.isLive());
        pages.saveAndFlush(page);
        references.record(page);
        record(page, Revision.Kind.REVERTED, author, now);
        return page;
    }

    @Transactional
    public Page move(long pageId, long newParentId, Integer position, Author author) {
        Optional<Page> lockedFirst = lockFirstIfLower(newParentId, pageId);
        Page page = lock(pageId);
        if (page.isHome()) {
            throw new TreeConflictException("The home page cannot be moved.");
        }
        Page newParent = lockedFirst.or(() -> pages.findForUpdate(newParentId)).filter(p -> !p.isBinned())
                .orElseThrow(() -> new TreeConflictException("The new parent page " + newParentId + " does not exist."));
        if (newParent.getPath().startsWith(page.getPath())) {
            throw new TreeConflictException("A page cannot be moved under itself or one of its own descendants.");
        }
        boolean sameParent = Objects.equals(page.getParentId(), newParentId);
        if (!sameParent) {
            checkPlacement(pageTypes.get(page.getType()), pageTypes.get(newParent.getType()));
            if (pages.existsByParentIdAndSlug(newParentId, page.getSlug())) {
                throw new TreeConflictException("A page with the slug '" + page.getSlug() + "' already exists under "
                        + newParent.getPath() + "; change the slug first.");
            }
            if (newParent.isHome()) {
                Slugs.check(page.getSlug(), true);
            }
            if (page.isLive() && !newParent.isLive()) {
                throw new TreeConflictException("A published page cannot be moved under an unpublished one ("
                        + newParent.getPath() + "); publish the new parent first.");
            }
        }
        List<Page> siblings = new ArrayList<>(pages.findByParentIdOrderByPosition(newParentId));
        siblings.removeIf(p -> p.getId().equals(pageId));
        int index = position == null ? siblings.size() : Math.max(0, Math.min(position, siblings.size()));
        for (int i = 0; i < siblings.size(); i++) {
            siblings.get(i).setPosition(i < index ? i : i + 1);
        }
        page.placeAt(newParentId, index);
        pages.saveAllAndFlush(siblings);
        pages.saveAndFlush(page);
        if (!sameParent) {
            page = relocate(page, newParent, newParent.getPath() + page.getSlug() + "/");
        }
        return page;
    }

    /**
     * Copies a page (and, when asked, all its descendants) under {@code newParentId} with the slug {@code newSlug}.
     * The copies are new drafts, unpublished, with the source's current draft content and a fresh history.
     */
    @Transactional
    public Page copy(long pageId, long newParentId, String newSlug, boolean withDescendants, Author author) {
        Optional<Page> lockedFirst = lockFirstIfLower(newParentId, pageId);
        Page source = lock(pageId);
        if (source.isHome()) {
            throw new TreeConflictException("The home page cannot be copied; copy its children instead.");
        }
        Page parent = lockedFirst.or(() -> pages.findForUpdate(newParentId)).filter(p -> !p.isBinned())
                .orElseThrow(() -> new TreeConflictException("The page " + newParentId + " to copy under does not exist."));
        if (withDescendants && parent.getPath().startsWith(source.getPath())) {
            throw new TreeConflictException("A page cannot be copied with its descendants into itself or one of them.");
        }
        checkPlacement(pageTypes.get(source.getType()), pageTypes.get(parent.getType()));
        String slug = Slugs.check(newSlug == null || newSlug.isBlank() ? source.getSlug() : newSlug.strip(), parent.isHome());
        if (pages.existsByParentIdAndSlug(parent.getId(), slug)) {
            throw new TreeConflictException("A page with the slug '" + slug + "' already exists under " + parent.getPath()
                    + "; give the copy another slug.");
        }
        List<Page> descendants = withDescendants ? pages.findSubtree(source.getPath()).stream()
                .filter(p -> !p.getId().equals(pageId)).toList() : List.of();
        Instant now = clock.instant();
        Page copy = copyOne(source, parent, slug, pages.maxChildPosition(parent.getId()) + 1, author, now);
        Map<Long, Page> copies = new java.util.HashMap<>(Map.of(source.getId(), copy));
        for (Page descendant : descendants) {
            Page newParent = copies.get(descendant.getParentId());
            copies.put(descendant.getId(), copyOne(descendant, newParent, descendant.getSlug(), descendant.getPosition(), author, now));
        }
        return copy;
    }

    private Page copyOne(Page source, Page parent, String slug, int position, Author author, Instant now) {
        Page copy = new Page(parent.getId(), position, slug, parent.getPath() + slug + "/", parent.getDepth() + 1,
                source.getType(), now);
        copy.writeDraft(source.getTitle(), source.getDraftContent(), author.email(), now);
        copy.markUnpublishedChanges(true);
        pages.saveAndFlush(copy);
        references.record(copy);
        record(copy, Revision.Kind.CREATED, author, now);
        return copy;
    }

    /** Moves a page's subtree to a new path prefix in one statement and announces every old live path. */
    private Page relocate(Page page, Page newParent, String newPath) {
        String oldPath = page.getPath();
        List<PagePathsChanged.PathChange> changes = pages.findSubtree(oldPath).stream()
                .map(p -> new PagePathsChanged.PathChange(p.getId(), p.getPath(),
                        newPath + p.getPath().substring(oldPath.length()), p.isLive()))
                .toList();
        pages.saveAndFlush(page);
        pages.rewritePaths(oldPath, oldPath.length(), newPath, newParent.getDepth() + 1 - page.getDepth());
        events.publishEvent(new PagePathsChanged(changes));
        return pages.findForUpdate(page.getId()).orElseThrow();
    }

    /**
     * Makes a revision the page's live version. Only the publishing service calls this, inside the transaction that
     * locked the page.
     */
    public void makeLive(Page page, Revision revision, String liveTitle, Instant at) {
        page.publish(revision, liveTitle, at);
        references.record(page);
    }

    /**
     * A change that locks two pages locks the one with the lower id first, so that two changes crossing each other
     * (A moved under B while B is moved under A) wait for each other instead of deadlocking; the second then sees the
     * first's result and is refused for it. Locks {@code otherId} now when it is the lower; empty otherwise, and when
     * there is no such page (the caller's own look-up then finds none either).
     */
    private Optional<Page> lockFirstIfLower(long otherId, long pageId) {
        return otherId < pageId ? pages.findForUpdate(otherId) : Optional.empty();
    }

    /** Locks a page's row until the caller's transaction ends, so that no one else changes it meanwhile. */
    @Transactional
    public Page lock(long pageId) {
        Page page = pages.findForUpdate(pageId).orElseThrow(() -> new PageNotFoundException(pageId));
        if (page.isBinned()) {
            throw new TreeConflictException("Page " + pageId + " is in the bin; restore it before changing it.");
        }
        return page;
    }

    /** Locks a page and checks that the caller saw its current draft version. */
    @Transactional
    public Page lockCurrent(long pageId, int basedOnVersion) {
        Page page = lock(pageId);
        if (page.getDraftVersion() != basedOnVersion) {
            throw new StaleDraftException(basedOnVersion, page.getDraftVersion(), page.getDraftSavedBy(), page.getDraftSavedAt());
        }
        return page;
    }

    void checkPlacement(PageType type, PageType parentType) {
        if (!parentType.mayHaveChild(type.name()) || !type.mayLiveUnder(parentType.name())) {
            throw new TreeConflictException("A " + type.label() + " cannot be placed under a " + parentType.label() + ".");
        }
    }

    /** Records the page's current draft as a revision of the given kind. */
    @Transactional
    public Revision record(Page page, Revision.Kind kind, Author author, Instant at) {
        return revisions.save(new Revision(page.getId(), page.getDraftVersion(), kind, page.getSlug(), page.getDraftContent(),
                author.email(), at));
    }

    /** Records an earlier revision's content again, as when a scheduled revision goes live. */
    @Transactional
    public Revision recordAgain(Page page, Revision source, Revision.Kind kind, Author author, Instant at) {
        return revisions.save(new Revision(page.getId(), source.getDraftVersion(), kind, source.getSlug(),
                source.getContent(), author.email(), at));
    }

    private PageContent validate(PageType type, PageContent current, DraftInput input, Author author) {
        List<ValidationProblem> problems = new ArrayList<>();
        String title = input.title() != null ? input.title().strip() : current.title();
        if (title == null || title.isBlank()) {
            problems.add(ValidationProblem.ofField("title", "a page needs a title"));
        } else if (title.length() > MAX_TITLE) {
            problems.add(ValidationProblem.ofField("title", "is " + title.length() + " characters long; at most " + MAX_TITLE + " are allowed"));
        }
        String layout = input.layout() != null ? input.layout() : current.layout();
        if (layout == null) {
            layout = type.defaultLayout();
        } else if (!type.layouts().contains(layout)) {
            problems.add(ValidationProblem.ofField("layout", "a " + type.label() + " may use the layouts "
                    + String.join(", ", type.layouts()) + ", not '" + layout + "'"));
        }
        Object rawFields = current.fields();
        if (input.fields() != null) {
            if (input.fields() instanceof Map<?, ?> changed) {
                Map<Object, Object> merged = new LinkedHashMap<>(current.fields());
                merged.putAll(changed);
                rawFields = merged;
            } else {
                rawFields = input.fields();
            }
        }
        Map<String, Object> fields = fieldValidator.clean(type.fields(), rawFields, FieldValidator.Place.PAGE, "",
                pages::existsById, problems);
        Object rawSlots = rawSlots(current);
        if (input.slots() != null) {
            if (input.slots() instanceof Map<?, ?> changed) {
                Map<Object, Object> merged = new LinkedHashMap<>(rawSlots(current));
                merged.putAll(changed);
                rawSlots = merged;
            } else {
                rawSlots = input.slots();
            }
        }
        List<Block> existing = current.slots().values().stream().flatMap(List::stream).toList();
        Map<String, List<Block>> slots = blockTypes.cleanSlots(type.slots(), rawSlots, author.permissions(), existing,
                pages::existsById, problems);
        if (!problems.isEmpty()) {
            throw new ContentValidationException(problems);
        }
        return new PageContent(title, layout, fields, slots);
    }

    private static Map<String, Object> rawSlots(PageContent content) {
        Map<String, Object> raw = new LinkedHashMap<>();
        content.slots().forEach((slot, blocks) -> raw.put(slot, blocks.stream()
                .map(b -> (Object) Map.of("type", b.type(), "value", b.value()))
                .toList()));
        return raw;
    }
}
