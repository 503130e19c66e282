package dev.floe.accounts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.floe.pages.Page;
import dev.floe.pages.PageTree;

/**
 * Who may do what. Page permissions are granted to groups on a page and hold for it and every page below it (as
 * Wagtail's GroupPagePermission; one without a page holds for the whole tree); site-wide permissions are granted to groups; a superuser may do everything.
 * A user's page grants are read with one query and remembered for the rest of the web request.
 */
@Service
public class Permissions {

    private static final String SCOPES = Permissions.class.getName() + ".scopes.";

    private final JdbcClient jdbc;
    private final PageTree tree;

    Permissions(JdbcClient jdbc, PageTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** Whether the user may take the action on this page. */
    public boolean can(FloeUser user, PageAction action, Page page) {
        return can(user, action, page.getPath());
    }

    /** Whether the user may take the action on the page at this path (e.g. {@code /news/2026/}). */
    public boolean can(FloeUser user, PageAction action, String path) {
        return user != null && (user.superuser() || pagesWhere(user, action).includes(path));
    }

    /** Whether the user may take the action on the page with this id; false when there is no such page. */
    public boolean can(FloeUser user, PageAction action, long pageId) {
        return tree.find(pageId).map(page -> can(user, action, page)).orElse(false);
    }

    /** Throws {@link PermissionDeniedException} unless the user may take the action on the page. */
    public void require(FloeUser user, PageAction action, Page page) {
        if (!can(user, action, page)) {
            throw new PermissionDeniedException("You may not " + action.label() + " the page " + page.getPath()
                    + "; ask an administrator for the permission.");
        }
    }

    /**
     * Throws unless the user may move {@code page} under {@code destination}: edit it and add pages there. A move that
     * changes the live site (the page or one below it is live, so its address and both parents' listings change at
     * once) needs the publish permission where the page leaves and where it goes, as in Wagtail.
     */
    public void requireMove(FloeUser user, Page page, Page destination) {
        require(user, PageAction.EDIT, page);
        require(user, PageAction.ADD, destination);
        if (!destinations(user, page).test(destination)) {
            throw new PermissionDeniedException("Moving " + page.getPath() + " to " + destination.getPath() + " changes the live site,"
                    + " so it needs the publish permission on both; ask someone who may publish there.");
        }
    }

    /** Where the user may move {@code page} (see {@link #requireMove}), for offering only those places. */
    public Predicate<Page> destinations(FloeUser user, Page page) {
        boolean live = changesTheLiveSite(page);
        boolean mayPublishIt = can(user, PageAction.PUBLISH, page);
        return destination -> can(user, PageAction.ADD, destination)
                && (!live || (mayPublishIt && can(user, PageAction.PUBLISH, destination)));
    }

    /** Whether moving the page changes the live site: it or a page below it is live. */
    public boolean changesTheLiveSite(Page page) {
        return page.isLive() || tree.descendants(page).stream().anyMatch(Page::isLive);
    }

    /**
     * Throws unless the user may move {@code page} up or down among the children of {@code parent}: edit there, and,
     * for a live page (the live order changes at once), publish there.
     */
    public void requireReorder(FloeUser user, Page page, Page parent) {
        if (!canReorder(user, page, parent)) {
            throw new PermissionDeniedException("Reordering " + (page.isLive() ? "live pages" : "pages") + " under " + parent.getPath()
                    + " needs the " + reorderNeeds(page).label() + " permission there; ask an administrator for it.");
        }
    }

    /** Whether {@link #requireReorder} would let the user move the page up or down, for showing the buttons. */
    public boolean canReorder(FloeUser user, Page page, Page parent) {
        return can(user, reorderNeeds(page), parent);
    }

    private static PageAction reorderNeeds(Page page) {
        return page.isLive() ? PageAction.PUBLISH : PageAction.EDIT;
    }

    /** The pages on which the user may take the action, for filtering lists. */
    public PageScope pagesWhere(FloeUser user, PageAction action) {
        return pageScopes(user).get(action);
    }

    /** The user's scope for every page action at once. */
    public Map<PageAction, PageScope> pageScopes(FloeUser user) {
        Map<PageAction, PageScope> scopes = new EnumMap<>(PageAction.class);
        if (user == null) {
            for (PageAction action : PageAction.values()) {
                scopes.put(action, PageScope.NONE);
            }
            return scopes;
        }
        if (user.superuser()) {
            for (PageAction action : PageAction.values()) {
                scopes.put(action, PageScope.ALL);
            }
            return scopes;
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = SCOPES + user.id();
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Map<?, ?> known) {
            @SuppressWarnings("unchecked")
            Map<PageAction, PageScope> cached = (Map<PageAction, PageScope>) known;
            return cached;
        }
        Map<PageAction, List<String>> paths = new EnumMap<>(PageAction.class);
        for (PageAction action : PageAction.values()) {
            paths.put(action, new ArrayList<>());
        }
        jdbc.sql("""
                SELECT DISTINCT gpp.action, CASE WHEN gpp.page_id IS NULL THEN '/' ELSE p.path END FROM group_page_permission gpp
                JOIN floe_user_group ug ON ug.group_id = gpp.group_id
                LEFT JOIN page p ON p.id = gpp.page_id
                WHERE ug.user_id = ? AND (gpp.page_id IS NULL OR p.id IS NOT NULL)""")
                .param(user.id())
                .query((rs, row) -> {
                    paths.get(PageAction.valueOf(rs.getString(1))).add(rs.getString(2));
                    return null;
                })
                .list();
        paths.forEach((action, roots) -> scopes.put(action, scope(roots)));
        if (request != null) {
            request.setAttribute(key, scopes, RequestAttributes.SCOPE_REQUEST);
        }
        return scopes;
    }

    /** Whether the user may take any page action anywhere: whether the page explorer is for them. */
    public boolean canUsePages(FloeUser user) {
        return pageScopes(user).values().stream().anyMatch(scope -> !scope.isEmpty());
    }

    /** Whether the user holds the site-wide permission. */
    public boolean has(FloeUser user, SitePermission permission) {
        return user != null && (user.superuser() || user.permissions().contains(permission.code()));
    }

    /** Throws {@link PermissionDeniedException} unless the user holds the site-wide permission. */
    public void require(FloeUser user, SitePermission permission) {
        if (!has(user, permission)) {
            throw new PermissionDeniedException("This needs the permission to " + permission.description().toLowerCase(java.util.Locale.ROOT)
                    + "; ask an administrator for it.");
        }
    }

    /** Every site-wide permission the user holds. */
    public Set<SitePermission> sitePermissions(FloeUser user) {
        Set<SitePermission> held = EnumSet.noneOf(SitePermission.class);
        for (SitePermission permission : SitePermission.values()) {
            if (has(user, permission)) {
                held.add(permission);
            }
        }
        return held;
    }

    /** The subtrees' roots without those inside another root. */
    private static PageScope scope(List<String> paths) {
        if (paths.isEmpty()) {
            return PageScope.NONE;
        }
        List<String> sorted = new ArrayList<>(paths);
        sorted.sort(Comparator.comparingInt(String::length));
        List<String> roots = new ArrayList<>();
        for (String path : sorted) {
            if (roots.stream().noneMatch(path::startsWith)) {
                roots.add(path);
            }
        }
        return roots.contains("/") ? PageScope.ALL : new PageScope(false, roots);
    }
}
