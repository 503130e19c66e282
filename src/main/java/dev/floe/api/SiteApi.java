package dev.floe.api;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.SitePermission;
import dev.floe.navigation.Menus;
import dev.floe.redirects.Redirects;
import dev.floe.site.ResponsePages;
import dev.floe.site.SiteSettings;

/** Site-wide things editors manage through the API: menus, redirects, response pages and robots.txt. */
@RestController
@RequestMapping(value = "/api/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class SiteApi {

    private final Menus menus;
    private final Redirects redirects;
    private final ResponsePages responsePages;
    private final SiteSettings siteSettings;

    SiteApi(Menus menus, Redirects redirects, ResponsePages responsePages, SiteSettings siteSettings) {
        this.menus = menus;
        this.redirects = redirects;
        this.responsePages = responsePages;
        this.siteSettings = siteSettings;
    }

    @GetMapping("/menus/")
    Map<String, Object> menus() {
        List<Map<String, Object>> items = menus.all().stream().map(SiteApi::menu).toList();
        return Map.of("items", items, "meta", Map.of("total", items.size()));
    }

    @GetMapping("/menus/{name}/")
    Map<String, Object> menu(@PathVariable String name) {
        return menu(menus.get(name));
    }

    @PutMapping(value = "/menus/{name}/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> putMenu(@PathVariable String name, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        require(user, "manage_menus");
        JsonBody input = JsonBody.of(body, Set.of("label", "items"));
        return menu(menus.replace(name, input.string("label"), items(input.raw("items"), "items"), user.asAuthor()));
    }

    @DeleteMapping("/menus/{name}/")
    ResponseEntity<Void> deleteMenu(@PathVariable String name, @AuthenticationPrincipal FloeUser user) {
        require(user, "manage_menus");
        menus.delete(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/redirects/")
    Map<String, Object> redirects(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
                                  @AuthenticationPrincipal FloeUser user) {
        require(user, "manage_redirects");
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "offset must be 0 or more and limit from 1 to 500.");
        }
        Redirects.Listing listing = redirects.list(offset, limit);
        return Map.of("items", listing.items().stream().map(SiteApi::redirect).toList(),
                "meta", Map.of("total", listing.total(), "offset", offset, "limit", limit));
    }

    @PostMapping(value = "/redirects/", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> createRedirect(@RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        require(user, "manage_redirects");
        JsonBody input = JsonBody.of(body, Set.of("old_path", "target_page", "target_url", "permanent"));
        Redirects.View created = redirects.create(input.string("old_path"), input.id("target_page"), input.string("target_url"),
                !Boolean.FALSE.equals(bool(input, "permanent")));
        return ResponseEntity.status(HttpStatus.CREATED).body(redirect(created));
    }

    @PatchMapping(value = "/redirects/{id}/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> updateRedirect(@PathVariable long id, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        require(user, "manage_redirects");
        JsonBody input = JsonBody.of(body, Set.of("target_page", "target_url", "permanent"));
        Redirects.View current = redirects.get(id);
        boolean targetGiven = input.has("target_page") || input.has("target_url");
        return redirect(redirects.update(id,
                targetGiven ? input.id("target_page") : current.targetPage(),
                targetGiven ? input.string("target_url") : current.targetUrl(),
                input.has("permanent") ? bool(input, "permanent") : current.permanent()));
    }

    @DeleteMapping("/redirects/{id}/")
    ResponseEntity<Void> deleteRedirect(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        require(user, "manage_redirects");
        redirects.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/redirects/import/", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    Map<String, Object> importRedirects(@RequestBody String csv, @AuthenticationPrincipal FloeUser user) {
        require(user, "manage_redirects");
        return Map.of("imported", redirects.importCsv(new StringReader(csv)));
    }

    @GetMapping("/response-pages/{code}/")
    Map<String, Object> responsePage(@PathVariable int code) {
        return responsePage(responsePages.get(code));
    }

    @PutMapping(value = "/response-pages/{code}/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> putResponsePage(@PathVariable int code, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        require(user, SitePermission.SETTINGS.code());
        JsonBody input = JsonBody.of(body, Set.of("title", "slots"));
        return responsePage(responsePages.set(code, input.string("title"), input.object("slots"), user.asAuthor()));
    }

    @GetMapping("/site-settings/")
    Map<String, Object> siteSettings() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("robots_txt", siteSettings.robotsTxt());
        out.put("robots_txt_edited", siteSettings.robotsTxtEdited());
        return out;
    }

    @PatchMapping(value = "/site-settings/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> patchSiteSettings(@RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        require(user, SitePermission.SETTINGS.code());
        JsonBody input = JsonBody.of(body, Set.of("robots_txt"));
        if (input.has("robots_txt")) {
            siteSettings.setRobotsTxt(input.string("robots_txt"), user.asAuthor());
        }
        return siteSettings();
    }

    private static void require(FloeUser user, String permission) {
        if (user == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "This needs an API token: send 'Authorization: Bearer <token>'.");
        }
        if (permission != null && !user.permissions().contains(permission)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This needs the '" + permission + "' permission.");
        }
    }

    private static Boolean bool(JsonBody input, String key) {
        Object value = input.raw(key);
        if (value != null && !(value instanceof Boolean)) {
            throw ApiException.invalid(key, "must be true or false");
        }
        return (Boolean) value;
    }

    private static List<Menus.Item> items(Object raw, String where) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw ApiException.invalid(where, "must be a list of items");
        }
        List<Menus.Item> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String place = where + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw ApiException.invalid(place, "must be an object with a label and a page or url");
            }
            @SuppressWarnings("unchecked")
            JsonBody item = JsonBody.of((Map<String, Object>) map, Set.of("label", "page", "url", "children"));
            items.add(new Menus.Item(item.string("label"), item.id("page"), item.string("url"), items(item.raw("children"), place + ".children")));
        }
        return items;
    }

    private static Map<String, Object> menu(Menus.Definition menu) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", menu.name());
        out.put("label", menu.label());
        out.put("items", menu.items().stream().map(SiteApi::menuItem).toList());
        out.put("updated_by", menu.updatedBy());
        out.put("updated_at", PageJson.time(menu.updatedAt()));
        return out;
    }

    private static Map<String, Object> menuItem(Menus.Item item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", item.label());
        out.put("page", item.page());
        out.put("url", item.url());
        out.put("children", item.children().stream().map(SiteApi::menuItem).toList());
        return out;
    }

    private static Map<String, Object> redirect(Redirects.View redirect) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", redirect.id());
        out.put("old_path", redirect.oldPath());
        out.put("target_page", redirect.targetPage());
        out.put("target_url", redirect.targetUrl());
        out.put("permanent", redirect.permanent());
        out.put("automatic", redirect.automatic());
        out.put("created_at", PageJson.time(redirect.createdAt()));
        return out;
    }

    private static Map<String, Object> responsePage(ResponsePages.View page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", page.code());
        out.put("title", page.title());
        Map<String, Object> slots = new LinkedHashMap<>();
        page.slots().forEach((name, blocks) -> slots.put(name, blocks.stream()
                .map(b -> Map.of("type", b.type(), "value", b.value())).toList()));
        out.put("slots", slots);
        out.put("updated_by", page.updatedBy());
        out.put("updated_at", PageJson.time(page.updatedAt()));
        return out;
    }
}
