package dev.floe.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.floe.pages.Page;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageTypes;
import dev.floe.publishing.Publisher;
import dev.floe.workflow.Workflow;

/** Pages as rows of the admin's lists: title, path, type, and status badges, read for a whole list at once. */
@Component
class PageRows {

    private final PageTree tree;
    private final PageTypes pageTypes;
    private final Publisher publisher;
    private final Workflow workflow;

    PageRows(PageTree tree, PageTypes pageTypes, Publisher publisher, Workflow workflow) {
        this.tree = tree;
        this.pageTypes = pageTypes;
        this.publisher = publisher;
        this.workflow = workflow;
    }

    List<Map<String, Object>> rows(List<Page> pages) {
        List<Long> ids = pages.stream().map(Page::getId).toList();
        Map<Long, Long> children = tree.childCounts(ids);
        Set<Long> inReview = workflow.inReview(ids);
        Set<Long> scheduled = new HashSet<>(publisher.scheduledPageIds());
        List<Map<String, Object>> rows = new ArrayList<>(pages.size());
        for (Page page : pages) {
            rows.add(row(page, children.getOrDefault(page.getId(), 0L), scheduled.contains(page.getId()),
                    inReview.contains(page.getId())));
        }
        return rows;
    }

    Map<String, Object> row(Page page) {
        return rows(List.of(page)).getFirst();
    }

    private Map<String, Object> row(Page page, long children, boolean scheduled, boolean inReview) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", page.getId());
        row.put("title", page.getTitle());
        row.put("path", page.getPath());
        row.put("slug", page.getSlug());
        row.put("parent", page.getParentId());
        row.put("type", page.getType());
        row.put("type_label", pageTypes.find(page.getType()).map(t -> t.label()).orElse(page.getType()));
        row.put("live", page.isLive());
        row.put("home", page.isHome());
        row.put("children", children);
        row.put("version", page.getDraftVersion());
        row.put("saved_by", page.getDraftSavedBy());
        row.put("saved_at", time(page.getDraftSavedAt()));
        row.put("published_at", time(page.getLastPublishedAt()));
        row.put("statuses", statuses(page, scheduled, inReview));
        return row;
    }

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.UK).withZone(java.time.ZoneOffset.UTC);

    /** A time as editors read it (the admin shows UTC throughout). */
    static String time(java.time.Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The badges: live, draft (never or no longer live), changed (live with unpublished changes), scheduled, in review. */
    static List<String> statuses(Page page, boolean scheduled, boolean inReview) {
        List<String> statuses = new ArrayList<>();
        if (page.isLive()) {
            statuses.add("live");
            if (page.hasUnpublishedChanges()) {
                statuses.add("changed");
            }
        } else {
            statuses.add("draft");
        }
        if (scheduled) {
            statuses.add("scheduled");
        }
        if (inReview) {
            statuses.add("in review");
        }
        return statuses;
    }
}
