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
    private final Map<String, Object> siteView;
    // A revision's content never changes, so live content parsed once per revision can be reused by every render.
    private final ParsedRevisions liveContent;

    PageRenderer(Templates templates, BlockTypes blockTypes, PageTypes pageTypes, PageTree tree, ContentCodec codec,
                 SiteProject site, FloeSettings settings) {
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
        PageContent content = content(page, options.draft());
        PageType type = pageTypes.get(page.getType());
        Map<String, Object> pageView = new HashMap<>();
        pageView.put("id", page.getId());
        pageView.put("title", content.title());
        pageView.put("path", page.getPath());
        pageView.put("type", type.name());
        pageView.put("type_label", type.label());
        pageView.put("layout", content.layout());
        pageView.put("fields", content.fields());
        pageView.put("first_published_at", page.getFirstPublishedAt());
        pageView.put("last_published_at", page.getLastPublishedAt());
        pageView.put("anchors", anchors(content));

        Map<String, Object> context = new HashMap<>();
        context.put("page", pageView);
        context.put("site", siteView);
        context.put("preview", options.draft());
        Map<String, Object> slots = new LinkedHashMap<>();
        for (Map.Entry<String, List<Block>> slot : content.slots().entrySet()) {
            slots.put(slot.getKey(), new SafeString(renderBlocks(slot.getValue(), pageView)));
        }
        context.put("slots", slots);
        if (type.behaviour() == PageType.Behaviour.LISTING) {
            context.put("listing", listing(page, type, options.listingPage()));
        }
        String layout = "layouts/" + content.layout();
        templates.render(templates.exists(layout) ? layout : "layouts/default", context, out);
    }

    public String render(Page page, Options options) {
        StringWriter out = new StringWriter(32 * 1024);
        render(page, options, out);
        return out.toString();
    }

    /** Renders slots of blocks outside a page (response pages, shared content), each slot as safe HTML. */
    public Map<String, Object> renderSlots(Map<String, List<Block>> slots, Map<String, Object> pageView) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        slots.forEach((name, blocks) -> rendered.put(name, new SafeString(renderBlocks(blocks, pageView))));
        return rendered;
    }

    private String renderBlocks(List<Block> blocks, Map<String, Object> pageView) {
        StringWriter out = new StringWriter(blocks.size() * 1024);
        Map<String, Object> context = new HashMap<>();
        context.put("page", pageView);
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
    private Map<String, Object> listing(Page page, PageType type, int requestedPage) {
        long total = tree.countLiveChildren(page.getId());
        int perPage = Math.max(1, type.perPage());
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        int current = Math.max(1, Math.min(requestedPage, pages));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Page child : tree.liveChildren(page.getId(), (current - 1) * perPage, perPage)) {
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
