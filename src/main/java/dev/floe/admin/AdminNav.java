package dev.floe.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.Permissions;
import dev.floe.accounts.SitePermission;

/** The admin's main navigation, showing each user only the screens they may use. */
@Component
class AdminNav {

    /** One entry of the navigation; {@code current} marks the section of the page being shown. */
    record Link(String label, String href, boolean current) {
    }

    private record Entry(String label, String href, Predicate<FloeUser> allowed) {
    }

    private final List<Entry> entries;

    AdminNav(Permissions permissions) {
        this.entries = List.of(
                new Entry("Dashboard", "/admin/", user -> true),
                new Entry("Pages", "/admin/pages/", permissions::canUsePages),
                new Entry("Media", "/admin/media/", user -> permissions.has(user, SitePermission.MEDIA)),
                new Entry("Menus", "/admin/menus/", user -> permissions.has(user, SitePermission.MENUS)),
                new Entry("Redirects", "/admin/redirects/", user -> permissions.has(user, SitePermission.REDIRECTS)),
                new Entry("Shared content", "/admin/shared-content/", user -> permissions.has(user, SitePermission.SHARED_CONTENT)),
                new Entry("Site settings", "/admin/settings/", user -> permissions.has(user, SitePermission.SETTINGS)),
                new Entry("Users", "/admin/users/", user -> permissions.has(user, SitePermission.MANAGE_USERS)),
                new Entry("Groups", "/admin/groups/", user -> permissions.has(user, SitePermission.MANAGE_USERS)),
                new Entry("API tokens", "/admin/tokens/", user -> true));
    }

    List<Link> links(FloeUser user, String path) {
        List<Link> links = new ArrayList<>();
        if (user == null) {
            return links;
        }
        for (Entry entry : entries) {
            if (entry.allowed().test(user)) {
                boolean current = entry.href().equals("/admin/") ? path.equals("/admin/") : path.startsWith(entry.href());
                links.add(new Link(entry.label(), entry.href(), current));
            }
        }
        return links;
    }
}
