package dev.floe.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.floe.blocks.Block;
import dev.floe.pages.Page;
import dev.floe.pages.PageContent;
import dev.floe.pages.PageRenderer;
import dev.floe.publishing.Publisher;

/** The content API's shape of a page (DESIGN.md, "Contract: content API"). */
@Component
class PageJson {

    private final PageRenderer renderer;
    private final Publisher publisher;

    PageJson(PageRenderer renderer, Publisher publisher) {
        this.renderer = renderer;
        this.publisher = publisher;
    }

    /** The page with its draft content ({@code draft}) or its live content; {@code only} limits the keys (id stays). */
    Map<String, Object> toJson(Page page, boolean draft, Set<String> only) {
        PageContent content = renderer.content(page, draft);
        Publisher.Schedule schedule = publisher.schedule(page.getId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", page.getId());
        json.put("parent", page.getParentId());
        json.put("type", page.getType());
        json.put("title", content.title());
        json.put("slug", page.getSlug());
        json.put("path", page.getPath());
        json.put("layout", content.layout());
        json.put("fields", content.fields());
        json.put("slots", slots(content));
        json.put("version", page.getDraftVersion());
        json.put("live", page.isLive());
        json.put("has_unpublished_changes", page.hasUnpublishedChanges());
        json.put("go_live_at", time(schedule.goLiveAt().orElse(null)));
        json.put("expire_at", time(schedule.expireAt().orElse(null)));
        json.put("first_published_at", time(page.getFirstPublishedAt()));
        json.put("last_published_at", time(page.getLastPublishedAt()));
        if (draft) {
            json.put("draft_saved_by", page.getDraftSavedBy());
            json.put("draft_saved_at", time(page.getDraftSavedAt()));
        }
        if (only != null && !only.isEmpty()) {
            json.keySet().removeIf(key -> !key.equals("id") && !only.contains(key));
        }
        return json;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Map<String, Object> slots(PageContent content) {
        Map<String, Object> slots = new LinkedHashMap<>();
        content.slots().forEach((name, blocks) -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (Block block : blocks) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("type", block.type());
                item.put("value", block.value());
                list.add(item);
            }
            slots.put(name, list);
        });
        return slots;
    }
}
