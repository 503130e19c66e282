package dev.floe.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PageAction;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.accounts.Permissions;
import dev.floe.pages.BinEntry;
import dev.floe.pages.Page;
import dev.floe.pages.PageBin;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageType;
import dev.floe.pages.PageTypes;
import dev.floe.publishing.Publisher;
import dev.floe.workflow.Workflow;

/**
 * The page explorer: the tree one level at a time, search and filters, and the tree operations (move, reorder, copy,
 * delete into the bin, restore from it). Every change checks the user's permission on the pages it touches.
 */
@Controller
@AdminAccess(pages = PageAction.EDIT)
class PageExplorerController {

    private static final int PER_PAGE = 50;
    private static final int MOVE_CANDIDATES = 30;

    private final PageTree tree;
    private final PageTypes pageTypes;
    private final PageEditor editor;
    private final PageBin bin;
    private final Publisher publisher;
    private final Workflow workflow;
    private final PageRows rows;
    private final PageAdminSupport admin;
    private final Permissions permissions;

    PageExplorerController(PageTree tree, PageTypes pageTypes, PageEditor editor, PageBin bin, Publisher publisher,
                           Workflow workflow, PageRows rows, PageAdminSupport admin, Permissions permissions) {
        this.permissions = permissions;
        this.tree = tree;
        this.pageTypes = pageTypes;
        this.editor = editor;
        this.bin = bin;
        this.publisher = publisher;
        this.workflow = workflow;
        this.rows = rows;
        this.admin = admin;
    }

    @GetMapping("/admin/pages/")
    ResponseEntity<String> explore(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(defaultValue = "0") String offset, @AuthenticationPrincipal FloeUser user) {
        boolean searching = notBlank(q) || notBlank(type) || notBlank(status);
        if (!searching) {
            return children(tree.home().getId(), "0", user);
        }
        PageTree.Status pageStatus = null;
        Collection<Long> only = null;
        String wanted = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "" -> { }
            case "live" -> pageStatus = PageTree.Status.LIVE;
            case "draft" -> pageStatus = PageTree.Status.DRAFT;
            case "changed" -> pageStatus = PageTree.Status.CHANGED;
            case "scheduled" -> only = publisher.scheduledPageIds();
            case "in-review" -> only = workflow.pagesInReview(10_000);
            default -> throw new PageAdminSupport.AdminRefusal(HttpStatus.BAD_REQUEST,
                    "Filter by status live, draft, changed, scheduled or in-review, not '" + status + "'.");
        }
        if (notBlank(type) && pageTypes.find(type.strip()).isEmpty()) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.BAD_REQUEST, "There is no page type '" + type + "'.");
        }
        int skip = parseOffset(offset);
        PageTree.Result result = tree.explore(new PageTree.ExplorerQuery(notBlank(q) ? q : null,
                notBlank(type) ? type.strip() : null, pageStatus, only, skip, PER_PAGE));
        Map<String, Object> model = base(user);
        model.put("searching", true);
        model.put("q", q == null ? "" : q);
        model.put("type", type == null ? "" : type);
        model.put("status", wanted);
        model.put("rows", rows.rows(result.items()));
        model.put("total", result.total());
        paging(model, skip, result.total(), "/admin/pages/?q=" + enc(q) + "&type=" + enc(type) + "&status=" + enc(wanted));
        return admin.render("admin/pages/explorer", model, user);
    }

    @GetMapping("/admin/pages/{id}/")
    ResponseEntity<String> children(@PathVariable long id, @RequestParam(defaultValue = "0") String offset,
                                    @AuthenticationPrincipal FloeUser user) {
        Page parent = tree.get(id);
        int skip = parseOffset(offset);
        PageTree.Result children = tree.childrenPage(id, skip, PER_PAGE);
        Map<String, Object> model = base(user);
        model.put("searching", false);
        model.put("parent", rows.row(parent));
        model.put("ancestors", tree.ancestors(parent).stream().map(p -> Map.of("id", p.getId(), "title", p.getTitle())).toList());
        List<Map<String, Object>> childRows = rows.rows(children.items());
        for (int i = 0; i < childRows.size(); i++) {
            childRows.get(i).put("can_reorder", permissions.canReorder(user, children.items().get(i), parent));
        }
        model.put("rows", childRows);
        model.put("total", children.total());
        model.put("offset", skip);
        model.put("child_types", childTypes(parent));
        model.put("can_add", admin.can(user, parent, PageAction.ADD));
        paging(model, skip, children.total(), "/admin/pages/" + id + "/?x=");
        return admin.render("admin/pages/explorer", model, user);
    }

    /** Moves a page one place up or down among its siblings (the keyboard's way to reorder). */
    @PostMapping("/admin/pages/{id}/reorder/")
    String reorder(@PathVariable long id, @RequestParam String direction, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        if (page.isHome()) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.CONFLICT, "The home page has no siblings to reorder.");
        }
        Page parent = tree.get(page.getParentId());
        permissions.requireReorder(user, page, parent);
        List<Page> siblings = tree.children(parent.getId());
        int index = indexOf(siblings, id);
        int target = switch (direction) {
            case "up" -> index - 1;
            case "down" -> index + 1;
            default -> throw new PageAdminSupport.AdminRefusal(HttpStatus.BAD_REQUEST, "Move a page up or down, not '" + direction + "'.");
        };
        if (target >= 0 && target < siblings.size()) {
            editor.move(id, parent.getId(), target, user.asAuthor());
        }
        return "redirect:/admin/pages/" + parent.getId() + "/#page-" + id;
    }

    @GetMapping("/admin/pages/{id}/move/")
    ResponseEntity<String> chooseNewParent(@PathVariable long id, @RequestParam(required = false) String q,
                                           @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        Map<String, Object> model = base(user);
        model.put("page", rows.row(page));
        model.put("q", q == null ? "" : q);
        java.util.function.Predicate<Page> allowed = permissions.destinations(user, page);
        PageTree.Kept candidates = tree.exploreKeeping(notBlank(q) ? q : null,
                candidate -> !candidate.getPath().startsWith(page.getPath()) && allowed.test(candidate), MOVE_CANDIDATES);
        model.put("candidates", rows.rows(candidates.items()));
        model.put("more_candidates", candidates.more());
        // Asked in this order so that those who may publish it never load its descendants a second time.
        model.put("needs_publish", !admin.can(user, page, PageAction.PUBLISH) && permissions.changesTheLiveSite(page));
        return admin.render("admin/pages/move", model, user);
    }

    @PostMapping("/admin/pages/{id}/move/")
    String move(@PathVariable long id, @RequestParam long parent, @RequestParam(required = false) Integer position,
                @AuthenticationPrincipal FloeUser user) {
        permissions.requireMove(user, tree.get(id), tree.get(parent));
        editor.move(id, parent, position, user.asAuthor());
        return "redirect:/admin/pages/" + parent + "/#page-" + id;
    }

    @GetMapping("/admin/pages/{id}/copy/")
    ResponseEntity<String> copyForm(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        Map<String, Object> model = base(user);
        model.put("page", rows.row(page));
        model.put("descendants", tree.descendants(page).size());
        model.put("suggested_slug", page.getSlug() + "-copy");
        return admin.render("admin/pages/copy", model, user);
    }

    @PostMapping("/admin/pages/{id}/copy/")
    @AdminAccess(pages = PageAction.ADD)
    String copy(@PathVariable long id, @RequestParam long parent, @RequestParam(required = false) String slug,
                @RequestParam(defaultValue = "false") boolean descendants, @AuthenticationPrincipal FloeUser user) {
        Page destination = tree.get(parent);
        admin.require(user, destination, PageAction.ADD);
        Page copy = editor.copy(id, parent, slug, descendants, user.asAuthor());
        return "redirect:/admin/pages/" + copy.getId() + "/edit/";
    }

    @GetMapping("/admin/pages/{id}/delete/")
    @AdminAccess(pages = PageAction.DELETE)
    ResponseEntity<String> confirmDelete(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.DELETE);
        Map<String, Object> model = base(user);
        model.put("page", rows.row(page));
        List<Page> descendants = tree.descendants(page);
        model.put("descendants", descendants.stream().limit(200)
                .map(p -> Map.of("title", p.getTitle(), "path", p.getPath(), "live", p.isLive())).toList());
        model.put("descendant_count", descendants.size());
        model.put("kept_days", PageBin.KEPT_FOR.toDays());
        return admin.render("admin/pages/delete", model, user);
    }

    @PostMapping("/admin/pages/{id}/delete/")
    @AdminAccess(pages = PageAction.DELETE)
    String delete(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.DELETE);
        Long parent = page.getParentId();
        bin.delete(id, user.asAuthor());
        return "redirect:/admin/pages/" + parent + "/?deleted=" + id;
    }

    @GetMapping("/admin/pages/bin/")
    @AdminAccess(pages = PageAction.DELETE)
    ResponseEntity<String> binList(@RequestParam(defaultValue = "0") String offset, @AuthenticationPrincipal FloeUser user) {
        int skip = parseOffset(offset);
        Map<String, Object> model = base(user);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BinEntry entry : bin.list(skip, PER_PAGE)) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", entry.getPageId());
            row.put("title", entry.getTitle());
            row.put("path", entry.getPath());
            row.put("pages", entry.getPageCount());
            row.put("deleted_by", entry.getDeletedBy());
            row.put("deleted_at", PageRows.time(entry.getDeletedAt()));
            row.put("purge_at", PageRows.time(entry.getPurgeAt()));
            row.put("parent_exists", entry.getParentId() != null && tree.exists(entry.getParentId()));
            entries.add(row);
        }
        model.put("entries", entries);
        long total = bin.count();
        model.put("total", total);
        paging(model, skip, total, "/admin/pages/bin/?x=");
        return admin.render("admin/pages/bin", model, user);
    }

    @PostMapping("/admin/pages/bin/{id}/restore/")
    @AdminAccess(pages = PageAction.DELETE)
    String restore(@PathVariable long id, @RequestParam(required = false) Long parent, @AuthenticationPrincipal FloeUser user) {
        BinEntry entry = bin.entry(id);
        Long destination = parent != null ? parent : entry.getParentId();
        if (destination == null || !tree.exists(destination)) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.CONFLICT,
                    "The page this was deleted from no longer exists; choose another parent to restore it under.");
        }
        admin.require(user, tree.get(destination), PageAction.ADD);
        if (!permissions.can(user, PageAction.DELETE, entry.getPath())) {
            throw new PermissionDeniedException("You may not restore " + entry.getPath() + ": restoring needs the permission to delete it.");
        }
        Page restored = bin.restore(id, parent, user.asAuthor());
        return "redirect:/admin/pages/" + restored.getParentId() + "/#page-" + id;
    }

    private Map<String, Object> base(FloeUser user) {
        Map<String, Object> model = new HashMap<>();
        model.put("can_use_bin", admin.mayUseBin(user));
        model.put("page_types", pageTypes.all().stream().map(t -> Map.of("name", t.name(), "label", t.label())).toList());
        model.put("statuses", List.of("live", "draft", "changed", "scheduled", "in-review"));
        return model;
    }

    private List<Map<String, String>> childTypes(Page parent) {
        PageType parentType = pageTypes.get(parent.getType());
        return pageTypes.all().stream().filter(t -> parentType.mayHaveChild(t.name()) && t.mayLiveUnder(parentType.name()))
                .map(t -> Map.of("name", t.name(), "label", t.label())).toList();
    }

    private static void paging(Map<String, Object> model, int offset, long total, String base) {
        model.put("offset", offset);
        model.put("previous", offset > 0 ? base + "&offset=" + Math.max(0, offset - PER_PAGE) : null);
        model.put("next", offset + PER_PAGE < total ? base + "&offset=" + (offset + PER_PAGE) : null);
    }

    private static int indexOf(List<Page> pages, long id) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).getId() == id) {
                return i;
            }
        }
        throw new IllegalStateException("page " + id + " is not among its parent's children");
    }

    private static int parseOffset(String offset) {
        if (offset == null || !offset.matches("[0-9]{1,9}")) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.BAD_REQUEST, "offset must be a whole number, 0 or more.");
        }
        return Integer.parseInt(offset);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static String enc(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
