package dev.floe.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.floe.pages.Page;
import dev.floe.pages.PageTree;

/** Groups: their names, site-wide permissions, page-subtree permissions and members. */
@Service
public class Groups {

    /** A group as the admin shows it. */
    public record GroupDetails(long id, String name, String description, Set<SitePermission> permissions,
                               List<PageGrant> pageGrants, long members) {
        public boolean holds(String permissionName) {
            return permissions.stream().anyMatch(p -> p.name().equals(permissionName));
        }
    }

    /** The group may take {@code action} on the page at {@code pagePath} and below it. */
    public record PageGrant(long id, long pageId, String pagePath, String pageTitle, PageAction action) {
    }

    private final GroupRepository groups;
    private final GroupPagePermissionRepository grants;
    private final PageTree tree;
    private final JdbcClient jdbc;

    Groups(GroupRepository groups, GroupPagePermissionRepository grants, PageTree tree, JdbcClient jdbc) {
        this.groups = groups;
        this.grants = grants;
        this.tree = tree;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<GroupDetails> list() {
        Map<Long, Long> members = memberCounts();
        return groups.findAllByOrderByNameAsc().stream().map(g -> details(g, members.getOrDefault(g.getId(), 0L))).toList();
    }

    @Transactional(readOnly = true)
    public GroupDetails get(long id) {
        Group group = find(id);
        return details(group, memberCounts().getOrDefault(id, 0L));
    }

    @Transactional
    public GroupDetails create(String name, String description, Set<SitePermission> permissions) {
        String clean = checkName(name, null);
        Group group = new Group(clean, Accounts.blankToNull(description));
        group.grant(codes(permissions));
        return details(groups.save(group), 0);
    }

    @Transactional
    public GroupDetails update(long id, String name, String description, Set<SitePermission> permissions) {
        Group group = find(id);
        group.rename(checkName(name, id), Accounts.blankToNull(description));
        group.grant(codes(permissions));
        return get(id);
    }

    /** Deletes the group; its members stay, without the group's permissions. */
    @Transactional
    public void delete(long id) {
        groups.delete(find(id));
    }

    /**
     * Lets the group take the action on the page and everything below it; granting twice changes nothing. A grant
     * on the home page is kept as one on the whole tree.
     */
    @Transactional
    public void grant(long groupId, long pageId, PageAction action) {
        find(groupId);
        Page page = tree.find(pageId).orElseThrow(() -> new AccountException("There is no page " + pageId + "."));
        Long stored = page.isHome() ? null : page.getId();
        if (!grants.existsByGroupIdAndPageIdAndAction(groupId, stored, action)) {
            grants.save(new GroupPagePermission(groupId, stored, action));
        }
    }

    /** Withdraws one page grant of the group. */
    @Transactional
    public void revoke(long groupId, long grantId) {
        GroupPagePermission grant = grants.findById(grantId)
                .filter(g -> g.getGroupId() == groupId)
                .orElseThrow(() -> new AccountNotFoundException("The group has no page permission " + grantId + "."));
        grants.delete(grant);
    }

    private GroupDetails details(Group group, long members) {
        List<GroupPagePermission> pagePermissions = grants.findByGroupIdOrderByPageIdAscActionAsc(group.getId());
        Map<Long, Page> pages = tree.findAll(pagePermissions.stream().map(GroupPagePermission::getPageId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        List<PageGrant> pageGrants = new ArrayList<>();
        for (GroupPagePermission p : pagePermissions) {
            if (p.getPageId() == null) {
                Page home = tree.home();
                pageGrants.add(new PageGrant(p.getId(), home.getId(), "/", home.getTitle() + " (the whole site)", p.getAction()));
                continue;
            }
            Page page = pages.get(p.getPageId());
            if (page != null) {
                pageGrants.add(new PageGrant(p.getId(), page.getId(), page.getPath(), page.getTitle(), p.getAction()));
            }
        }
        pageGrants.sort(java.util.Comparator.comparing(PageGrant::pagePath).thenComparing(PageGrant::action));
        Set<SitePermission> held = EnumSet.noneOf(SitePermission.class);
        group.getPermissions().forEach(code -> SitePermission.fromCode(code).ifPresent(held::add));
        return new GroupDetails(group.getId(), group.getName(), group.getDescription(), held, pageGrants, members);
    }

    private Map<Long, Long> memberCounts() {
        return jdbc.sql("SELECT group_id, COUNT(*) FROM floe_user_group GROUP BY group_id")
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Group find(long id) {
        return groups.findById(id).orElseThrow(() -> new AccountNotFoundException("There is no group " + id + "."));
    }

    private String checkName(String name, Long self) {
        String clean = Accounts.blankToNull(name);
        if (clean == null) {
            throw new AccountException("A group needs a name.");
        }
        if (clean.length() > 150) {
            throw new AccountException("A group's name must be at most 150 characters long.");
        }
        groups.findByNameIgnoreCase(clean).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new AccountException("There is already a group called " + other.getName() + ".");
        });
        return clean;
    }

    private static Set<String> codes(Collection<SitePermission> permissions) {
        return permissions.stream().map(SitePermission::code).collect(Collectors.toSet());
    }
}
