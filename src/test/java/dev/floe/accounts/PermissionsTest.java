package dev.floe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** Who may do what: page permissions hold for a subtree, site-wide ones through groups, a superuser everything. */
class PermissionsTest extends FloeIntegrationTest {

    @Autowired
    Permissions permissions;

    @Autowired
    Groups groups;

    private FloeUser user(String group) {
        return accounts.createUser(unique("user") + "@perm.test", null, "a long test password", false,
                group == null ? Set.of() : Set.of(group));
    }

    @Test
    void theBuiltInGroupsHoldTheirPermissionsOnTheWholeTree() {
        Pages pages = new Pages(api);
        String deep = pages.create(pages.createUnderHome(unique("section"), "Section").get("id").asLong(), "child", "Child").get("path").asString();

        FloeUser editor = user("Editors");
        assertThat(permissions.can(editor, PageAction.ADD, deep)).isTrue();
        assertThat(permissions.can(editor, PageAction.EDIT, "/")).isTrue();
        assertThat(permissions.can(editor, PageAction.PUBLISH, deep)).isFalse();
        assertThat(permissions.can(editor, PageAction.DELETE, deep)).isFalse();
        assertThat(permissions.sitePermissions(editor)).isEmpty();

        FloeUser moderator = user("Moderators");
        assertThat(permissions.can(moderator, PageAction.EDIT, deep)).isTrue();
        assertThat(permissions.can(moderator, PageAction.PUBLISH, deep)).isTrue();
        assertThat(permissions.can(moderator, PageAction.ADD, deep)).isFalse();

        FloeUser administrator = user("Administrators");
        for (PageAction action : PageAction.values()) {
            assertThat(permissions.can(administrator, action, deep)).as(action.name()).isTrue();
            assertThat(permissions.pagesWhere(administrator, action).everything()).isTrue();
        }
        assertThat(permissions.sitePermissions(administrator)).containsExactlyInAnyOrder(SitePermission.values());
        assertThat(administrator.permissions()).contains("raw_html", "manage_redirects");
    }

    @Test
    void aPagePermissionHoldsForThePageAndItsDescendantsOnly() {
        Pages pages = new Pages(api);
        long news = pages.createUnderHome(unique("news"), "News").get("id").asLong();
        String newsPath = pages.draft(news).get("path").asString();
        String story = pages.create(news, "story", "Story").get("path").asString();
        String elsewhere = pages.createUnderHome(unique("about"), "About").get("path").asString();

        Groups.GroupDetails desk = groups.create(unique("News desk"), "Publishes the news", Set.of(SitePermission.MEDIA));
        groups.grant(desk.id(), news, PageAction.PUBLISH);
        groups.grant(desk.id(), news, PageAction.PUBLISH);
        assertThat(groups.get(desk.id()).pageGrants()).singleElement().satisfies(grant -> {
            assertThat(grant.pagePath()).isEqualTo(newsPath);
            assertThat(grant.action()).isEqualTo(PageAction.PUBLISH);
        });
        FloeUser member = user(desk.name());

        assertThat(permissions.can(member, PageAction.PUBLISH, newsPath)).isTrue();
        assertThat(permissions.can(member, PageAction.PUBLISH, story)).isTrue();
        assertThat(permissions.can(member, PageAction.PUBLISH, elsewhere)).isFalse();
        assertThat(permissions.can(member, PageAction.PUBLISH, "/")).isFalse();
        assertThat(permissions.can(member, PageAction.EDIT, story)).isFalse();
        assertThat(permissions.pagesWhere(member, PageAction.PUBLISH)).isEqualTo(new PageScope(false, java.util.List.of(newsPath)));
        assertThat(permissions.pagesWhere(member, PageAction.DELETE).isEmpty()).isTrue();
        assertThat(permissions.has(member, SitePermission.MEDIA)).isTrue();
        assertThat(permissions.has(member, SitePermission.MANAGE_USERS)).isFalse();
        assertThatThrownBy(() -> permissions.require(member, SitePermission.MANAGE_USERS))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("manage users");
    }

    @Test
    void aUserWithoutGroupsMayDoNothingAndASuperuserEverything() {
        FloeUser nobody = user(null);
        FloeUser superuser = accounts.createSuperuser(unique("root") + "@perm.test", "a long test password");
        for (PageAction action : PageAction.values()) {
            assertThat(permissions.can(nobody, action, "/")).isFalse();
            assertThat(permissions.can(superuser, action, "/anything/")).isTrue();
        }
        assertThat(permissions.canUsePages(nobody)).isFalse();
        assertThat(permissions.sitePermissions(nobody)).isEmpty();
        assertThat(permissions.sitePermissions(superuser)).containsExactlyInAnyOrder(SitePermission.values());
        assertThat(permissions.can(null, PageAction.EDIT, "/")).isFalse();
    }

    @Test
    void groupNamesAreUniqueAndRequired() {
        String name = unique("Translators");
        groups.create(name, null, Set.of());
        assertThatThrownBy(() -> groups.create(name.toUpperCase(), null, Set.of())).isInstanceOf(AccountException.class)
                .hasMessageContaining("already a group");
        assertThatThrownBy(() -> groups.create("  ", null, Set.of())).isInstanceOf(AccountException.class)
                .hasMessage("A group needs a name.");
    }

    @Test
    void newPasswordsAreHashedWithBcrypt() {
        String email = unique("hash") + "@perm.test";
        accounts.createUser(email, null, "a long test password", false, Set.of());
        assertThat(accounts.passwordHashOf(email)).startsWith("{bcrypt}$2");
        assertThat(accounts.signIn(email, "a long test password")).isPresent();
        assertThat(accounts.signIn(email, "a wrong password")).isEmpty();
    }
}
