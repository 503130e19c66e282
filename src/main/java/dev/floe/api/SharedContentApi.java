package dev.floe.api;

import java.util.LinkedHashMap;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.SitePermission;
import dev.floe.sharedcontent.SharedContents;

/** Shared content, reusable groups of blocks that pages place: editors list, create, change and delete it with a token. */
@RestController
@RequestMapping(value = "/api/v2/shared-content", produces = MediaType.APPLICATION_JSON_VALUE)
class SharedContentApi {

    private final SharedContents contents;

    SharedContentApi(SharedContents contents) {
        this.contents = contents;
    }

    @GetMapping("/")
    Map<String, Object> list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit,
                             @AuthenticationPrincipal FloeUser user) {
        require(user);
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "offset must be 0 or more and limit from 1 to 500.");
        }
        SharedContents.Listing listing = contents.list(offset, limit);
        return Map.of("items", listing.items().stream().map(SharedContentApi::json).toList(),
                "meta", Map.of("total", listing.total(), "offset", offset, "limit", limit));
    }

    @GetMapping("/{id}/")
    Map<String, Object> get(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        require(user);
        return json(contents.get(id));
    }

    @PostMapping(value = "/", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        requireToEdit(user);
        JsonBody input = JsonBody.of(body, Set.of("name", "title", "blocks"));
        SharedContents.View created = contents.create(input.string("name"), input.string("title"), input.raw("blocks"),
                user.asAuthor());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(created));
    }

    @PatchMapping(value = "/{id}/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> update(@PathVariable long id, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        requireToEdit(user);
        JsonBody input = JsonBody.of(body, Set.of("name", "title", "blocks"));
        return json(contents.update(id, input.string("name"), input.string("title"), input.raw("blocks"), user.asAuthor()));
    }

    @DeleteMapping("/{id}/")
    ResponseEntity<Void> delete(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        requireToEdit(user);
        contents.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Changing shared content changes every page that places it, so it takes the permission the admin asks for too. */
    private static void requireToEdit(FloeUser user) {
        require(user);
        if (!user.permissions().contains(SitePermission.SHARED_CONTENT.code())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "This needs the '" + SitePermission.SHARED_CONTENT.code() + "' permission.");
        }
    }

    private static void require(FloeUser user) {
        if (user == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "This needs an API token: send 'Authorization: Bearer <token>'.");
        }
    }

    private static Map<String, Object> json(SharedContents.View content) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", content.id());
        out.put("name", content.name());
        out.put("title", content.title());
        out.put("blocks", content.blocks().stream().map(b -> Map.of("type", b.type(), "value", b.value())).toList());
        out.put("created_at", PageJson.time(content.createdAt()));
        out.put("updated_by", content.updatedBy());
        out.put("updated_at", PageJson.time(content.updatedAt()));
        return out;
    }
}
