package dev.floe.pages;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.floe.templates.SurrogateKeys;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/**
 * Template functions about pages: {@code pageurl(id)} gives a live page's path, or nothing if it is not live;
 * {@code child_pages(id)} a page's live children; {@code listing_preview(id, count)} the first items of a live listing
 * page with the address where the rest continue.
 */
@Component
class PageTemplateFunctions extends AbstractExtension {

    // The most children a child pages block lists; a page with more children wants to be a listing page.
    private static final int MAX_CHILDREN = 100;
    /** Set in the context of a render for the search index: other pages' content is then left out. */
    static final String FOR_SEARCH = "_rendering_for_search";

    private final PageTree tree;
    private final PageTypes pageTypes;
    private final ContentCodec codec;

    PageTemplateFunctions(PageTree tree, PageTypes pageTypes, ContentCodec codec) {
        this.tree = tree;
        this.pageTypes = pageTypes;
        this.codec = codec;
    }

    @Override
    public Map<String, Function> getFunctions() {
        // Each of these shows other pages' paths or content, which any publish, unpublish or move can change.
        return Map.of(
                "pageurl", function(List.of("id"), args -> args.get("id") instanceof Number id
                        ? tree.find(id.longValue()).filter(Page::isLive).map(Page::getPath).orElse(null) : null),
                "child_pages", listing(List.of("id"), List.of(), args -> args.get("id") instanceof Number id
                        ? tree.liveChildren(id.longValue(), 0, MAX_CHILDREN).stream().map(this::summary).toList() : List.of()),
                "listing_preview", listing(List.of("id", "count"), null, args -> args.get("id") instanceof Number id
                        && args.get("count") instanceof Number count ? listingPreview(id.longValue(), count.intValue()) : null));
    }

    /**
     * The first {@code count} items of a live listing page, in the listing's own order, and {@code more_url}: the
     * listing page that continues after them, or null when there are no more.
     */
    private Map<String, Object> listingPreview(long id, int count) {
        Page listing = tree.find(id).filter(Page::isLive).orElse(null);
        PageType type = listing == null ? null : pageTypes.find(listing.getType()).orElse(null);
        if (type == null || type.behaviour() != PageType.Behaviour.LISTING || count < 1) {
            return null;
        }
        long total = tree.countLiveChildren(id);
        int perPage = Math.max(1, type.perPage());
        int continuesOn = count / perPage + 1;
        Map<String, Object> preview = new HashMap<>();
        preview.put("title", listing.getLiveTitle());
        preview.put("path", listing.getPath());
        preview.put("items", tree.liveChildren(id, 0, count).stream().map(this::summary).toList());
        preview.put("total", total);
        preview.put("more_url", total <= count ? null
                : listing.getPath() + (continuesOn > 1 ? "?page=" + continuesOn : ""));
        return preview;
    }

    /** A live page as a list shows it: title, path, fields and a summary if it has one. */
    private Map<String, Object> summary(Page page) {
        PageContent content = codec.read(page.getLiveContent());
        Map<String, Object> item = new HashMap<>();
        item.put("id", page.getId());
        item.put("title", content.title());
        item.put("path", page.getPath());
        item.put("fields", content.fields());
        Object summary = content.fields().get("summary");
        item.put("summary", summary != null ? summary : content.fields().get("seo_description"));
        return item;
    }

    /** A function listing other pages, which answers {@code forSearch} when rendering for the search index. */
    private static Function listing(List<String> arguments, Object forSearch, java.util.function.Function<Map<String, Object>, Object> body) {
        Function listing = function(arguments, body);
        return new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                return Boolean.TRUE.equals(context.getVariable(FOR_SEARCH)) ? forSearch : listing.execute(args, self, context, lineNumber);
            }

            @Override
            public List<String> getArgumentNames() {
                return arguments;
            }
        };
    }

    private static Function function(List<String> arguments, java.util.function.Function<Map<String, Object>, Object> body) {
        return new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                SurrogateKeys.record(SurrogateKeys.TREE);
                return body.apply(args);
            }

            @Override
            public List<String> getArgumentNames() {
                return arguments;
            }
        };
    }
}
