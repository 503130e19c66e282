package dev.floe.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.floe.support.FloeIntegrationTest;

/**
 * Walks every admin route that Spring MVC knows (so routes added later are walked too) as an anonymous visitor, an
 * Editor, a Moderator and an Administrator, and checks each answer against {@link #ROUTES}. A route missing from the
 * table fails the test, and so does a row for a route that no longer exists.
 *
 * <p>To add a route, add a row: {@code row("POST /admin/pages/{id}/publish/", MODERATOR, ADMINISTRATOR)} lists the
 * roles that may use it (the others must get 403; anonymous visitors are sent to sign in), {@code publicRow(...)}
 * one that needs no sign-in. Path variables become {@value #MISSING_ID} (nothing has that id, so an allowed role
 * gets 404 rather than changing anything); give {@code .example("/admin/pages/{home}/edit/")} to walk a real
 * object instead, with {@code {home}} the home page's id. An allowed role must get neither 401, 403, a redirect to
 * sign-in, nor a server error.
 */
class AdminRouteWalkTest extends FloeIntegrationTest {

    static final String MISSING_ID = "987654321";
    private static final AdminRole EDITOR = AdminRole.EDITOR;
    private static final AdminRole MODERATOR = AdminRole.MODERATOR;
    private static final AdminRole ADMINISTRATOR = AdminRole.ADMINISTRATOR;

    static final List<Row> ROUTES = List.of(
            publicRow("GET /admin/login/"),
            publicRow("GET /admin/password-reset/"),
            publicRow("POST /admin/password-reset/"),
            publicRow("GET /admin/password-reset/{token}/"),
            publicRow("POST /admin/password-reset/{token}/"),
            publicRow("GET /admin/webjars/**").example("/admin/webjars/htmx.org/2.0.8/package.json"),
            row("GET /admin", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/account/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/account/password/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/tokens/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/tokens/new/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/tokens/{id}/revoke/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/users/", ADMINISTRATOR),
            row("GET /admin/users/new/", ADMINISTRATOR),
            row("POST /admin/users/new/", ADMINISTRATOR),
            row("GET /admin/users/{id}/", ADMINISTRATOR),
            row("POST /admin/users/{id}/", ADMINISTRATOR),
            row("POST /admin/users/{id}/password/", ADMINISTRATOR),
            row("GET /admin/groups/", ADMINISTRATOR),
            row("GET /admin/groups/new/", ADMINISTRATOR),
            row("POST /admin/groups/new/", ADMINISTRATOR),
            row("GET /admin/groups/{id}/", ADMINISTRATOR),
            row("POST /admin/groups/{id}/", ADMINISTRATOR),
            row("POST /admin/groups/{id}/pages/", ADMINISTRATOR),
            row("POST /admin/groups/{id}/pages/{grant}/delete/", ADMINISTRATOR),
            row("POST /admin/groups/{id}/delete/", ADMINISTRATOR),
            // The media library.
            row("GET /admin/media/", ADMINISTRATOR),
            row("GET /admin/media/images/", ADMINISTRATOR),
            row("POST /admin/media/images/upload/", ADMINISTRATOR),
            row("GET /admin/media/images/{id}/", ADMINISTRATOR),
            row("POST /admin/media/images/{id}/", ADMINISTRATOR),
            row("POST /admin/media/images/{id}/replace/", ADMINISTRATOR),
            row("GET /admin/media/images/{id}/delete/", ADMINISTRATOR),
            row("POST /admin/media/images/{id}/delete/", ADMINISTRATOR),
            row("GET /admin/media/documents/", ADMINISTRATOR),
            row("POST /admin/media/documents/upload/", ADMINISTRATOR),
            row("GET /admin/media/documents/{id}/", ADMINISTRATOR),
            row("POST /admin/media/documents/{id}/", ADMINISTRATOR),
            row("POST /admin/media/documents/{id}/replace/", ADMINISTRATOR),
            row("GET /admin/media/documents/{id}/delete/", ADMINISTRATOR),
            row("POST /admin/media/documents/{id}/delete/", ADMINISTRATOR),
            row("GET /admin/media/chooser/images/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/media/chooser/images/upload/", ADMINISTRATOR),
            row("GET /admin/media/chooser/documents/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/media/chooser/documents/upload/", ADMINISTRATOR),
            // The page explorer, editor and bin (page-editing helper).
            row("GET /admin/pages/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/pages/{id}/", EDITOR, MODERATOR, ADMINISTRATOR).example("/admin/pages/{home}/"),
            row("POST /admin/pages/{id}/reorder/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/pages/{id}/move/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/move/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/pages/{id}/copy/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/copy/", EDITOR, ADMINISTRATOR),
            row("GET /admin/pages/{id}/delete/", ADMINISTRATOR),
            row("POST /admin/pages/{id}/delete/", ADMINISTRATOR),
            row("GET /admin/pages/bin/", ADMINISTRATOR),
            row("POST /admin/pages/bin/{id}/restore/", ADMINISTRATOR),
            row("GET /admin/pages/add/{parent}/", EDITOR, ADMINISTRATOR),
            row("GET /admin/pages/add/{parent}/{type}/", EDITOR, ADMINISTRATOR).example("/admin/pages/add/{home}/layout_page/"),
            row("POST /admin/pages/add/{parent}/{type}/", EDITOR, ADMINISTRATOR),
            row("GET /admin/pages/{id}/edit/", EDITOR, MODERATOR, ADMINISTRATOR).example("/admin/pages/{home}/edit/"),
            row("POST /admin/pages/{id}/edit/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/autosave/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/heartbeat/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/pages/{id}/preview/", EDITOR, MODERATOR, ADMINISTRATOR).example("/admin/pages/{home}/preview/"),
            row("POST /admin/pages/{id}/preview/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/publish/", MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/unpublish/", MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/schedule/", MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/preview-link/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/review/submit/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/review/assign/", MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/review/approve/", MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/review/request-changes/", MODERATOR, ADMINISTRATOR),
            row("POST /admin/pages/{id}/review/withdraw/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/pages/{id}/revisions/", EDITOR, MODERATOR, ADMINISTRATOR).example("/admin/pages/{home}/revisions/"),
            row("POST /admin/pages/{id}/revisions/{revision}/restore/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/pages/chooser/", EDITOR, MODERATOR, ADMINISTRATOR),
            row("GET /admin/pages/block-form/", EDITOR, MODERATOR, ADMINISTRATOR).example("/admin/pages/block-form/?slot=main&type=text"),
            // Redirects (admin-site).
            row("GET /admin/redirects/", ADMINISTRATOR),
            row("GET /admin/redirects/new/", ADMINISTRATOR),
            row("POST /admin/redirects/new/", ADMINISTRATOR),
            row("GET /admin/redirects/{id}/", ADMINISTRATOR),
            row("POST /admin/redirects/{id}/", ADMINISTRATOR),
            row("GET /admin/redirects/{id}/delete/", ADMINISTRATOR),
            row("POST /admin/redirects/{id}/delete/", ADMINISTRATOR),
            row("GET /admin/redirects/import/", ADMINISTRATOR),
            row("POST /admin/redirects/import/", ADMINISTRATOR),
            row("GET /admin/redirects/export.csv", ADMINISTRATOR),
            // Menus (admin-site).
            row("GET /admin/menus/", ADMINISTRATOR),
            row("POST /admin/menus/new/", ADMINISTRATOR),
            row("GET /admin/menus/{name}/", ADMINISTRATOR),
            row("POST /admin/menus/{name}/", ADMINISTRATOR),
            row("GET /admin/menus/{name}/delete/", ADMINISTRATOR),
            row("POST /admin/menus/{name}/delete/", ADMINISTRATOR),
            // Shared content (admin-content).
            row("GET /admin/shared-content/", ADMINISTRATOR),
            row("GET /admin/shared-content/new/", ADMINISTRATOR),
            row("POST /admin/shared-content/new/", ADMINISTRATOR),
            row("GET /admin/shared-content/{id}/", ADMINISTRATOR),
            row("POST /admin/shared-content/{id}/", ADMINISTRATOR),
            row("GET /admin/shared-content/{id}/delete/", ADMINISTRATOR),
            row("POST /admin/shared-content/{id}/delete/", ADMINISTRATOR),
            row("GET /admin/shared-content/block-form/", ADMINISTRATOR).example("/admin/shared-content/block-form/?slot=blocks&type=text"),
            // Site settings and response pages (admin-content).
            row("GET /admin/settings/", ADMINISTRATOR),
            row("POST /admin/settings/", ADMINISTRATOR),
            row("GET /admin/settings/response-pages/{code}/", ADMINISTRATOR).example("/admin/settings/response-pages/404/"),
            row("POST /admin/settings/response-pages/{code}/", ADMINISTRATOR),
            row("GET /admin/settings/response-pages/block-form/", ADMINISTRATOR).example("/admin/settings/response-pages/block-form/?slot=main&type=text")
    );

    /** One admin route and who may use it. */
    record Row(String method, String pattern, boolean isPublic, Set<AdminRole> allowed, String example) {
        Row example(String path) {
            return new Row(method, pattern, isPublic, allowed, path);
        }

        String key() {
            return method + " " + pattern;
        }
    }

    static Row row(String route, AdminRole... allowed) {
        String[] parts = route.split(" ", 2);
        return new Row(parts[0], parts[1], false, allowed.length == 0 ? Set.of() : EnumSet.copyOf(List.of(allowed)), null);
    }

    static Row publicRow(String route) {
        String[] parts = route.split(" ", 2);
        return new Row(parts[0], parts[1], true, EnumSet.of(EDITOR, MODERATOR, ADMINISTRATOR), null);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyAdminRouteIsInTheTableAndAnswersEachRoleAsTheTableSays() {
        Set<String> routes = adminRoutes();
        Map<String, Row> table = new LinkedHashMap<>();
        ROUTES.forEach(row -> table.put(row.key(), row));
        assertThat(new TreeSet<>(routes)).as("admin routes without a row in AdminRouteWalkTest.ROUTES").isSubsetOf(table.keySet());
        assertThat(table.keySet()).as("rows of AdminRouteWalkTest.ROUTES for routes that do not exist").isSubsetOf(routes);

        long home = new dev.floe.support.Pages(api).homeId();
        Map<AdminRole, AdminClient> clients = new LinkedHashMap<>();
        for (AdminRole role : List.of(EDITOR, MODERATOR, ADMINISTRATOR)) {
            clients.put(role, AdminClient.signedIn(port, accounts, role));
        }
        AdminClient anonymous = AdminClient.anonymous(port);
        anonymous.get("/admin/login/");

        List<String> wrong = new ArrayList<>();
        for (Row row : table.values()) {
            String path = (row.example() != null ? row.example() : row.pattern())
                    .replace("{home}", Long.toString(home))
                    .replaceAll("\\{[^}]+}", MISSING_ID)
                    .replace("**", "nothing-here");
            AdminClient.Response answer = call(anonymous, row.method(), path);
            if (row.isPublic()) {
                if (isRefusal(answer)) {
                    wrong.add(row.key() + " as anonymous: expected to be public, got " + describe(answer));
                }
            } else if (!(answer.status() == 401 || answer.status() == 302 && "/admin/login/".equals(answer.location()))) {
                wrong.add(row.key() + " as anonymous: expected a redirect to sign in, got " + describe(answer));
            }
            for (Map.Entry<AdminRole, AdminClient> client : clients.entrySet()) {
                AdminClient.Response response = call(client.getValue(), row.method(), path);
                boolean allowed = row.allowed().contains(client.getKey());
                if (allowed && (isRefusal(response) || response.status() >= 500)) {
                    wrong.add(row.key() + " as " + client.getKey() + ": expected to be allowed, got " + describe(response));
                } else if (!allowed && response.status() != 403) {
                    wrong.add(row.key() + " as " + client.getKey() + ": expected 403, got " + describe(response));
                }
            }
        }
        assertThat(wrong).as("routes that answered a role wrongly").isEmpty();
    }

    private static AdminClient.Response call(AdminClient client, String method, String path) {
        return switch (method) {
            case "GET" -> client.get(path);
            case "HEAD" -> client.send(client.request(path).method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
            default -> client.send(client.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(client.token(), java.nio.charset.StandardCharsets.UTF_8))));
        };
    }

    private static boolean isRefusal(AdminClient.Response response) {
        return response.status() == 401 || response.status() == 403
                || response.status() == 302 && response.location() != null && response.location().startsWith("/admin/login/");
    }

    private static String describe(AdminClient.Response response) {
        return response.status() + (response.location() != null ? " to " + response.location() : "");
    }

    /** "METHOD pattern" of every handler under /admin; a handler for any method counts as GET. */
    private Set<String> adminRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.equals("/admin") && !pattern.startsWith("/admin/")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    routes.add("GET " + pattern);
                }
                for (RequestMethod method : methods) {
                    if (method != RequestMethod.HEAD || !methods.contains(RequestMethod.GET)) {
                        routes.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return routes;
    }
}
