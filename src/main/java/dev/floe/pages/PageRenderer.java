package dev.floe.pages;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.floe.blocks.Block;
import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.config.FloeSettings;
import dev.floe.config.SiteProject;
import dev.floe.templates.HtmlBuffer;
import dev.floe.templates.Templates;
import io.pebbletemplates.pebble.extension.escaper.SafeString;

/**
 * Renders a page: each block through its own template ({@code blocks/<type>.peb}), then the page's layout
 * ({@code layouts/<layout>.peb}) with the rendered slots.
 */
@Service
public class PageRenderer {

    private final Templates templates;
    private final BlockTypes blockTypes;
    private final PageTypes pageTypes;
    private final PageTree tree;
    private final ContentCodec codec;
    private final LivePages livePages;
    private final Map<String, Object> siteView;
    // A revision's content never changes, so live content parsed once per revision can be reused by every render.
    private final ParsedRevisions liveContent;

    PageRenderer(Templates templates, BlockTypes blockTypes, PageTypes pageTypes, PageTree tree, ContentCodec codec,
                 LivePages livePages, SiteProject site, FloeSettings settings) {
        this.livePages = livePages;
        this.templates = templates;
        this.blockTypes = blockTypes;
        this.pageTypes = pageTypes;
        this.tree = tree;
        this.codec = codec;
        this.liveContent = new ParsedRevisions(codec, 2_000);
        this.siteView = Map.of("name", site.siteName(), "base_url", settings.baseUrl());
    }

    /** What templates know of the site: its name and canonical base URL. */
    public Map<String, Object> siteView() {
        return siteView;
    }

    /** Which version of the page to show, and the listing page number asked for. */
    public record Options(boolean draft, int listingPage) {
        public static final Options LIVE = new Options(false, 1);
    }

    public PageContent content(Page page, boolean draft) {
        if (draft || page.getLiveRevisionId() == null) {
            return codec.read(draft ? page.getDraftContent() : page.getLiveContent());
        }
        return liveContent.get(page.getLiveRevisionId(), page.getLiveContent());
    }

    public void render(Page page, Options options, Writer out) {
        String previewOf = !options.draft() ? null : page.isLive() && !page.hasUnpublishedChanges() ? "live" : "draft";
        render(page.getId(), page.getType(), page.getPath(), page.getFirstPublishedAt(), page.getLastPublishedAt(),
                content(page, options.draft()), options, previewOf, out);
    }

    /** Renders the page with content that is not stored (yet): an editor's preview of unsaved changes. */
    public String renderUnsaved(Page page, PageContent content) {
        StringWriter out = new StringWriter(32 * 1024);
        render(page.getId(), page.getType(), page.getPath(), page.getFirstPublishedAt(), page.getLastPublishedAt(),
                content, new Options(true, 1), "unsaved", out);
        return out.toString();
    }

    /** Renders a live page found by {@link LivePages}; its content is parsed once per revision. */
    public void render(LivePage page, Writer out, int listingPage) {
        render(page.id(), page.type(), page.path(), page.firstPublishedAt(), page.lastPublishedAt(), content(page),
                new Options(false, listingPage), null, out);
    }

    public PageContent content(LivePage page) {
        if (page.liveRevisionId() == null) {
            return codec.read(livePages.liveContent(page.id()));
        }
        return liveContent.get(page.liveRevisionId(), () -> livePages.revisionContent(page.liveRevisionId()));
    }

    /** {@code previewOf}: null for visitors, else what an editor previews: "draft", "unsaved" changes, or "live" (no changes). */
    private void render(long id, String typeName, String path, Object firstPublishedAt, Object lastPublishedAt,
                        PageContent content, Options options, String previewOf, Writer out) {
        PageType type = pageTypes.forDisplay(typeName);
        Map<String, Object> pageView = new HashMap<>();
        pageView.put("id", id);
        pageView.put("title", content.title());
        pageView.put("path", path);
        pageView.put("type", type.name());
        pageView.put("type_label", type.label());
        pageView.put("layout", content.layout());
        pageView.put("fields", content.fields());
        pageView.put("first_published_at", firstPublishedAt);
        pageView.put("last_published_at", lastPublishedAt);
        pageView.put("anchors", anchors(content));

        Map<String, Object> context = new HashMap<>();
        context.put("page", pageView);
        context.put("site", siteView);
        context.put("preview", previewOf != null);
        context.put("preview_of", previewOf);
        Map<String, Object> slots = new LinkedHashMap<>();
        for (Map.Entry<String, List<Block>> slot : content.slots().entrySet()) {
            slots.put(slot.getKey(), new SafeString(renderBlocks(slot.getValue(), pageView)));
        }
        context.put("slots", slots);
        if (type.behaviour() == PageType.Behaviour.LISTING) {
            context.put("listing", listing(id, type, options.listingPage()));
        }
        String layout = "layouts/" + content.layout();
        templates.render(templates.exists(layout) ? layout : "layouts/default", context, out);
    }

    public String render(Page page, Options options) {
        HtmlBuffer out = new HtmlBuffer(32 * 1024);
        render(page, options, out);
        return out.toString();
    }

    /** Renders slots of blocks outside a page (response pages, shared content), each slot as safe HTML. */
    public Map<String, Object> renderSlots(Map<String, List<Block>> slots, Map<String, Object> pageView) {
        return renderSlots(slots, pageView, false);
    }

    /**
     * Renders a page's slots for its search text: as {@link #renderSlots(Map, Map)}, except that blocks listing other
     * pages (their children, a listing's latest items) render as they do when there is nothing to list, so a page is
     * found by its own words and not by every title it happened to list when it was indexed.
     */
    public Map<String, Object> renderSlotsForSearch(Map<String, List<Block>> slots, Map<String, Object> pageView) {
        return renderSlots(slots, pageView, true);
    }

    private Map<String, Object> renderSlots(Map<String, List<Block>> slots, Map<String, Object> pageView, boolean forSearch) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        slots.forEach((name, blocks) -> rendered.put(name, new SafeString(renderBlocks(blocks, pageView, forSearch))));
        return rendered;
    }

    private String renderBlocks(List<Block> blocks, Map<String, Object> pageView) {
        return renderBlocks(blocks, pageView, false);
    }

    private String renderBlocks(List<Block> blocks, Map<String, Object> pageView, boolean forSearch) {
        HtmlBuffer out = new HtmlBuffer(blocks.size() * 1024);
        Map<String, Object> context = new HashMap<>();
        context.put("page", pageView);
        if (forSearch) {
            context.put(PageTemplateFunctions.FOR_SEARCH, true);
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            BlockType type = blockTypes.find(block.type()).orElse(null);
            if (type == null) {
                continue; // a block type the site no longer declares is left out rather than breaking the page
            }
            context.put("value", block.value());
            context.put("block", Map.of("type", type.name(), "label", type.label(), "index", i));
            templates.render(type.template(), context, out);
        }
        return out.toString();
    }

    /** The page anchor blocks of a page, in order, each with its {@code anchor} and the {@code label} to link with. */
    private static List<Map<String, Object>> anchors(PageContent content) {
        List<Map<String, Object>> anchors = new ArrayList<>();
        content.slots().values().forEach(blocks -> blocks.stream().filter(b -> "page_anchor".equals(b.type())).forEach(b -> {
            Object anchor = b.value().get("anchor");
            Object label = b.value().get("label");
            if (anchor != null) {
                anchors.add(Map.of("anchor", anchor, "label", label == null ? anchor : label));
            }
        }));
        return anchors;
    }

    /** One page of a listing page's live children, newest position first as editors ordered them. */
    private Map<String, Object> listing(long pageId, PageType type, int requestedPage) {
        long total = tree.countLiveChildren(pageId);
        int perPage = Math.max(1, type.perPage());
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        int current = Math.max(1, Math.min(requestedPage, pages));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Page child : tree.liveChildren(pageId, (current - 1) * perPage, perPage)) {
            PageContent childContent = codec.read(child.getLiveContent());
            Map<String, Object> item = new HashMap<>();
            item.put("id", child.getId());
            item.put("title", childContent.title());
            item.put("path", child.getPath());
            item.put("fields", childContent.fields());
            items.add(item);
        }
        Map<String, Object> listing = new HashMap<>();
        listing.put("items", items);
        listing.put("page", current);
        listing.put("pages", pages);
        listing.put("total", total);
        listing.put("has_previous", current > 1);
        listing.put("has_next", current < pages);
        return listing;
    }
}
