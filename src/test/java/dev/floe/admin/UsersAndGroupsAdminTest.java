package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.floe.accounts.Groups;
import dev.floe.accounts.PageAction;
import dev.floe.accounts.Permissions;
import dev.floe.accounts.SitePermission;
import dev.floe.support.FloeIntegrationTest;
import dev.floe.support.Pages;

/** Users, groups, API tokens and one's own password, managed through the admin's screens over HTTP. */
class UsersAndGroupsAdminTest extends FloeIntegrationTest {

    @Autowired
    Groups groups;

    @Autowired
    Permissions permissions;

    private long groupId(String name) {
        return groups.list().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void anAdministratorAddsAUserInGroupsWhoCanThenSignIn() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        assertThat(admin.get("/admin/users/new/").body()).contains("<label for=\"id_group_" + groupId("Editors") + "\">Editors</label>");
        String email = unique("new") + "@users.test";

        AdminClient.Response created = admin.postForm("/admin/users/new/", "email", email, "name", "New Person",
                "password", "a fine new password", "password2", "a fine new password",
                "groups", Long.toString(groupId("Editors")), "groups", Long.toString(groupId("Moderators")));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(created.location()).isEqualTo("/admin/users/");
        AdminClient.Response list = admin.get("/admin/users/?q=" + email);
        assertThat(list.body()).contains("was added", email, "Editors, Moderators", "1 user");

        AdminClient newcomer = AdminClient.signedIn(port, email, "a fine new password");
        assertThat(newcomer.get("/admin/").body()).contains("href=\"/admin/pages/\"").doesNotContain("href=\"/admin/users/\"");
        assertThat(newcomer.get("/admin/users/").status()).isEqualTo(403);
    }

    @Test
    void mistakesInTheUserFormAreShownBesideTheFields() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        AdminClient.Response response = admin.postForm("/admin/users/new/", "email", "not an email", "password", "short", "password2", "short");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("aria-invalid=\"true\"", "id=\"id_email_error\"", "is not an email address", "value=\"not an email\"");

        response = admin.postForm("/admin/users/new/", "email", unique("x") + "@users.test", "password", "long enough one", "password2", "long enough two");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"id_password2_error\"", "The two passwords differ");

        response = admin.postForm("/admin/users/new/", "email", AdminRole.EDITOR.ensure(accounts), "password", "long enough one", "password2", "long enough one");
        assertThat(response.body()).contains("There is already a user");

        response = admin.postForm("/admin/users/new/", "email", unique("boss") + "@users.test", "password", "long enough one",
                "password2", "long enough one", "superuser", "true");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("Only a superuser may make another superuser.");

        // A hand-made form with an empty group (it arrives as null) chooses no group; it was a 500.
        response = admin.postForm("/admin/users/new/", "email", "not an email either", "password", "short", "password2", "short", "groups", "");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("is not an email address");
    }

    @Test
    void deactivatingAUserEndsTheirSessionAndTheirTokens() {
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String email = unique("leaving") + "@users.test";
        long id = accounts.createUser(email, null, AdminRole.PASSWORD, false, java.util.Set.of("Editors")).id();
        String token = accounts.createToken(email, "script");
        AdminClient leaving = AdminClient.signedIn(port, email, AdminRole.PASSWORD);

        AdminClient.Response saved = admin.postForm("/admin/users/" + id + "/", "email", email, "name", "Leaving",
                "groups", Long.toString(groupId("Editors")));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(accounts.user(id).active()).isFalse();
        assertThat(accounts.user(id).name()).isEqualTo("Leaving");
        assertThat(leaving.get("/admin/").status()).isEqualTo(302);
        assertThat(api.withToken(token).post("/api/v2/pages/", Map.of()).status()).isEqualTo(401);

        AdminClient.Response self = admin.postForm("/admin/users/" + accounts.findUserByEmail(AdminRole.ADMINISTRATOR.email()).orElseThrow().id() + "/",
                "email", AdminRole.ADMINISTRATOR.email(), "groups", Long.toString(groupId("Administrators")));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.body()).contains("You cannot deactivate yourself");
    }

    @Test
    void aGroupGetsSiteWideAndPagePermissionsThatItsMembersHoldAtOnce() {
        Pages pages = new Pages(api);
        String slug = unique("events");
        pages.createUnderHome(slug, "Events");
        AdminClient admin = AdminClient.signedIn(port, accounts, AdminRole.ADMINISTRATOR);
        String name = unique("Events team");

        AdminClient.Response created = admin.postForm("/admin/groups/new/", "name", name, "description", "Runs the events pages",
                "permissions", "MEDIA", "permissions", "MENUS");
        assertThat(created.status()).isEqualTo(303);
        long id = groupId(name);
        assertThat(created.location()).isEqualTo("/admin/groups/" + id + "/");
        assertThat(admin.get(created.location()).body()).contains("was added", "value=\"MEDIA\" checked");

        String email = unique("member") + "@users.test";
        accounts.createUser(email, null, AdminRole.PASSWORD, false, java.util.Set.of(name));
        AdminClient member = AdminClient.signedIn(port, email, AdminRole.PASSWORD);
        assertThat(member.get("/admin/").body()).doesNotContain("href=\"/admin/pages/\"");
        var memberUser = accounts.findUserByEmail(email).orElseThrow();
        assertThat(permissions.has(memberUser, dev.floe.accounts.SitePermission.MEDIA)).isTrue();
        assertThat(permissions.has(memberUser, dev.floe.accounts.SitePermission.MENUS)).isTrue();
        assertThat(permissions.has(memberUser, dev.floe.accounts.SitePermission.MANAGE_USERS)).isFalse();

        AdminClient.Response granted = admin.postForm("/admin/groups/" + id + "/pages/", "path", slug, "actions", "EDIT", "actions", "PUBLISH");
        assertThat(granted.status()).isEqualTo(303);
        assertThat(admin.get(granted.location()).body()).contains("may now edit, publish pages under /" + slug + "/");
        assertThat(member.get("/admin/").body()).contains("href=\"/admin/pages/\"");
        var user = accounts.findUserByEmail(email).orElseThrow();
        assertThat(permissions.can(user, PageAction.PUBLISH, "/" + slug + "/anything/")).isTrue();
        assertThat(permissions.can(user, PageAction.EDIT, "/")).isFalse();

        AdminClient.Response missing = admin.postForm("/admin/groups/" + id + "/pages/", "path", "/no-such-page-" + slug + "/", "actions", "EDIT");
        assertThat(admin.get(missing.location()).body()).contains("There is no page at /no-such-page-");

        long grant = groups.get(id).pageGrants().getFirst().id();
        assertThat(admin.postForm("/admin/groups/" + id + "/pages/" + grant + "/delete/").status()).isEqualTo(303);
        assertThat(groups.get(id).pageGrants()).hasSize(1);

        assertThat(admin.postForm("/admin/groups/" + id + "/", "name", name, "permissions", "SETTINGS").status()).isEqualTo(303);
        assertThat(groups.get(id).permissions()).containsExactly(SitePermission.SETTINGS);
        assertThat(admin.postForm("/admin/groups/" + id + "/delete/").status()).isEqualTo(303);
        assertThat(groups.list()).noneMatch(g -> g.name().equals(name));
        assertThat(accounts.findUserByEmail(email)).isPresent();
    }

    @Test
    void aTokenIsShownOnceWorksForTheApiAndCanBeRevoked() {
        AdminClient editor = AdminClient.signedIn(port, accounts, AdminRole.EDITOR);
        AdminClient.Response made = editor.postForm("/admin/tokens/new/", "label", "publishing script");
        assertThat(made.status()).isEqualTo(201);
        Matcher found = Pattern.compile("id=\"new-token\">(floe_[A-Za-z0-9_-]+)<").matcher(made.body());
        assertThat(found.find()).isTrue();
        String token = found.group(1);

        assertThat(api.withToken(token).get("/api/v2/pages/?draft=true").status()).isNotEqualTo(401);
        AdminClient.Response list = editor.get("/admin/tokens/");
        assertThat(list.body()).contains("publishing script").doesNotContain(token);

        long id = accounts.tokens(accounts.findUserByEmail(AdminRole.EDITOR.email()).orElseThrow().id()).getFirst().id();
        AdminClient other = AdminClient.signedIn(port, accounts, AdminRole.MODERATOR);
        assertThat(other.postForm("/admin/tokens/" + id + "/revoke/").status()).isEqualTo(403);
        assertThat(editor.postForm("/admin/tokens/" + id + "/revoke/").status()).isEqualTo(303);
        assertThat(api.withToken(token).post("/api/v2/pages/", Map.of()).status()).isEqualTo(401);

        assertThat(editor.postForm("/admin/tokens/new/", "label", " ").status()).isEqualTo(422);
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOne() {
        String email = unique("changer") + "@users.test";
        accounts.createUser(email, null, AdminRole.PASSWORD, false, java.util.Set.of());
        AdminClient client = AdminClient.signedIn(port, email, AdminRole.PASSWORD);
        AdminClient.Response wrong = client.postForm("/admin/account/password/", "current_password", "not it at all",
                "password", "the next password", "password2", "the next password");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"id_current_password_error\"", "The current password is not right.");

        AdminClient.Response changed = client.postForm("/admin/account/password/", "current_password", AdminRole.PASSWORD,
                "password", "the next password", "password2", "the next password");
        assertThat(changed.status()).isEqualTo(303);
        assertThat(client.get("/admin/account/").body()).contains("Your password was changed.");
        assertThat(AdminClient.anonymous(port).signIn(email, AdminRole.PASSWORD).status()).isEqualTo(200);
        assertThat(AdminClient.anonymous(port).signIn(email, "the next password").status()).isEqualTo(302);
    }
}
