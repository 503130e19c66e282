package dev.floe.admin;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.accounts.Permissions;
import dev.floe.accounts.SitePermission;
import dev.floe.pages.Page;
import dev.floe.pages.PageTree;

/**
 * The page chooser's panel, loaded by {@code admin/media/chooser.js} beside a page field (a menu item's page, a
 * redirect's target): one page's children to browse down the tree, or the pages whose title or path matches a search.
 */
@Controller
@RequestMapping("/admin/pages/chooser")
@AdminAccess
class PageChooserController {

    static final int PAGE_SIZE = 20;

    private final PageTree tree;
    private final Permissions permissions;

    PageChooserController(PageTree tree, Permissions permissions) {
        this.tree = tree;
        this.permissions = permissions;
    }

    /** One page's row in the chooser. */
    record Choice(long id, String title, String path, boolean live, long children) {
    }

    @GetMapping("/")
    ModelAndView choose(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long parent,
                        @RequestParam(defaultValue = "1") int page) {
        requireChooser();
        int current = Math.max(1, page);
        int offset = (current - 1) * PAGE_SIZE;
        ModelAndView view = new ModelAndView("admin/pages/chooser");
        view.addObject("q", q);
        view.addObject("page", current);
        PageTree.Result result;
        if (!q.isBlank()) {
            result = tree.explore(new PageTree.ExplorerQuery(q, null, null, null, offset, PAGE_SIZE));
        } else {
            Page shown = parent == null ? tree.home() : tree.find(parent).orElse(tree.home());
            result = tree.childrenPage(shown.getId(), offset, PAGE_SIZE);
            view.addObject("parent", choices(List.of(shown)).getFirst());
            view.addObject("ancestors", choices(tree.ancestors(shown)));
        }
        view.addObject("pages", choices(result.items()));
        view.addObject("total", result.total());
        view.addObject("has_next", (long) current * PAGE_SIZE < result.total());
        return view;
    }

    /** Whoever edits pages, menus or redirects picks pages to link to. */
    private void requireChooser() {
        FloeUser user = CurrentUser.get().orElseThrow();
        if (!permissions.canUsePages(user) && !permissions.has(user, SitePermission.MENUS)
                && !permissions.has(user, SitePermission.REDIRECTS)) {
            throw new PermissionDeniedException("Choosing pages is for those who edit pages, menus or redirects; ask an"
                    + " administrator for the permission.");
        }
    }

    private List<Choice> choices(List<Page> pages) {
        Map<Long, Long> children = tree.childCounts(pages.stream().map(Page::getId).toList());
        return pages.stream().map(p -> new Choice(p.getId(), p.getTitle(), p.getPath(), p.isLive(),
                children.getOrDefault(p.getId(), 0L))).toList();
    }
}
