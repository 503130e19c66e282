package dev.floe.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PageAction;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.accounts.Permissions;
import dev.floe.pages.BinEntry;
import dev.floe.pages.DraftInput;
import dev.floe.pages.Page;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageHistory;
import dev.floe.pages.PageBin;
import dev.floe.pages.PageNotFoundException;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageTypes;
import dev.floe.pages.Revision;
import dev.floe.publishing.PreviewLinks;
import dev.floe.publishing.Publisher;

/** {@code /api/v2/pages/}: published content for anyone, drafts and every change for token holders. */
@RestController
@RequestMapping(value = "/api/v2/pages", produces = MediaType.APPLICATION_JSON_VALUE)
class PagesApi {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Set<String> CREATE_KEYS = Set.of("parent", "type", "title", "slug", "layout", "fields", "slots");
    private static final Set<String> PATCH_KEYS = Set.of("version", "title", "slug", "layout", "fields", "slots",
            "go_live_at", "expire_at");

    private final PageTree tree;
    private final PageEditor editor;
    private final PageHistory history;
    private final Publisher publisher;
    private final PreviewLinks previewLinks;
    private final PageJson json;
    private final TransactionTemplate transactions;
    private final PageBin bin;
    private final Permissions permissions;
    private final PageTypes pageTypes;

    PagesApi(PageTree tree, PageEditor editor, PageHistory history, Publisher publisher, PreviewLinks previewLinks,
             PageJson json, TransactionTemplate transactions, PageBin bin, Permissions permissions, PageTypes pageTypes) {
        this.pageTypes = pageTypes;
        this.bin = bin;
        this.permissions = permissions;
        this.tree = tree;
        this.editor = editor;
        this.history = history;
        this.publisher = publisher;
        this.previewLinks = previewLinks;
        this.json = json;
        this.transactions = transactions;
    }

    @GetMapping("/")
    Map<String, Object> list(@RequestParam(required = false) String type,
                             @RequestParam(required = false) String parent,
                             @RequestParam(required = false) String path,
                             @RequestParam(required = false) String fields,
                             @RequestParam(required = false) String limit,
                             @RequestParam(required = false) String offset,
                             @RequestParam(defaultValue = "false") String draft,
                             @AuthenticationPrincipal FloeUser user) {
        boolean drafts = wantsDraft(draft, user);
        int max = parseInt("limit", limit, DEFAULT_LIMIT, 0, MAX_LIMIT);
        int skip = parseInt("offset", offset, 0, 0, Integer.MAX_VALUE);
        Long parentId = parent == null ? null : (long) parseInt("parent", parent, 0, 1, Integer.MAX_VALUE);
        String typeName = blankToNull(type);
        if (typeName != null && pageTypes.find(typeName).isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "type must be a page type, not '" + typeName + "' (types: "
                    + pageTypes.names() + ").");
        }
        PageTree.Result result = tree.search(new PageTree.Query(typeName, parentId, normalisePath(path), !drafts, skip, max));
        Set<String> only = parseFields(fields);
        List<Map<String, Object>> items = result.items().stream().map(page -> json.toJson(page, drafts, only)).toList();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("total", result.total());
        meta.put("limit", max);
        meta.put("offset", skip);
        return Map.of("items", items, "meta", meta);
    }

    @GetMapping("/{id}/")
    Map<String, Object> get(@PathVariable String id, @RequestParam(defaultValue = "false") String draft,
                            @RequestParam(required = false) String fields, @AuthenticationPrincipal FloeUser user) {
        boolean drafts = wantsDraft(draft, user);
        long pageId = pageId(id);
        Page page = tree.find(pageId).filter(p -> drafts || p.isLive()).orElseThrow(() -> new PageNotFoundException(pageId));
        return json.toJson(page, drafts, parseFields(fields));
    }

    @PostMapping(value = "/", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        JsonBody input = JsonBody.of(body, CREATE_KEYS);
        Long parent = input.id("parent");
        if (parent == null) {
            throw ApiException.invalid("parent", "is required (the id of the new page's parent)");
        }
        requireExisting("parent", parent);
        permissions.require(user, PageAction.ADD, tree.get(parent));
        String type = input.string("type");
        if (type == null) {
            throw ApiException.invalid("type", "is required (see /api/v2/page-types/)");
        }
        Page page = editor.create(parent, type, new DraftInput(input.string("title"), input.string("slug"),
                input.string("layout"), input.object("fields"), input.object("slots")), user.asAuthor());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v2/pages/{id}/").buildAndExpand(page.getId()).toUri();
        return ResponseEntity.created(location).body(json.toJson(page, true, null));
    }

    @PatchMapping(value = "/{id}/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> update(@PathVariable String id, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        long pageId = pageId(id);
        JsonBody input = JsonBody.of(body, PATCH_KEYS);
        Integer version = input.integer("version");
        if (version == null) {
            throw ApiException.invalid("version", "is required: send the draft version your change is based on");
        }
        Instant goLive = input.time("go_live_at");
        Instant expire = input.time("expire_at");
        DraftInput draft = new DraftInput(input.string("title"), input.string("slug"), input.string("layout"),
                input.object("fields"), input.object("slots"));
        boolean changesContent = Arrays.asList("title", "slug", "layout", "fields", "slots").stream().anyMatch(input::has);
        boolean changesSchedule = input.has("go_live_at") || input.has("expire_at");
        Page edited = tree.get(pageId);
        permissions.require(user, PageAction.EDIT, edited);
        if (changesSchedule) {
            permissions.require(user, PageAction.PUBLISH, edited);
        }
        Page page = transactions.execute(status -> {
            Page saved = changesContent ? editor.saveDraft(pageId, version, draft, user.asAuthor()) : editor.lockCurrent(pageId, version);
            if (changesSchedule) {
                Publisher.Schedule current = publisher.schedule(pageId);
                publisher.setSchedule(pageId,
                        input.has("go_live_at") ? goLive : current.goLiveAt().orElse(null),
                        input.has("expire_at") ? expire : current.expireAt().orElse(null),
                        user.asAuthor());
            }
            return saved;
        });
        return json.toJson(tree.get(page.getId()), true, null);
    }

    @PostMapping("/{id}/publish/")
    Map<String, Object> publish(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
                                @AuthenticationPrincipal FloeUser user) {
        JsonBody input = JsonBody.of(body == null ? Map.of() : body, Set.of("version"));
        long pageId = pageId(id);
        permissions.require(user, PageAction.PUBLISH, tree.get(pageId));
        Page page = publisher.publish(pageId, input.integer("version"), user.asAuthor());
        return json.toJson(tree.get(page.getId()), true, null);
    }

    @PostMapping("/{id}/unpublish/")
    Map<String, Object> unpublish(@PathVariable String id, @AuthenticationPrincipal FloeUser user) {
        long pageId = pageId(id);
        permissions.require(user, PageAction.PUBLISH, tree.get(pageId));
        Page page = publisher.unpublish(pageId, user.asAuthor());
        return json.toJson(tree.get(page.getId()), true, null);
    }

    @PostMapping("/{id}/revert/")
    Map<String, Object> revert(@PathVariable String id, @AuthenticationPrincipal FloeUser user) {
        long pageId = pageId(id);
        permissions.require(user, PageAction.EDIT, tree.get(pageId));
        Page page = publisher.revertToLive(pageId, user.asAuthor());
        return json.toJson(tree.get(page.getId()), true, null);
    }

    @PostMapping(value = "/{id}/move/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> move(@PathVariable String id, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        JsonBody input = JsonBody.of(body, Set.of("parent", "position"));
        Long parent = input.id("parent");
        if (parent == null) {
            throw ApiException.invalid("parent", "is required (the id of the new parent page)");
        }
        requireExisting("parent", parent);
        Integer position = input.integer("position");
        if (position != null && position < 0) {
            throw ApiException.invalid("position", "must be 0 or more (0 is first among the siblings)");
        }
        long pageId = pageId(id);
        permissions.requireMove(user, tree.get(pageId), tree.get(parent));
        Page page = editor.move(pageId, parent, position, user.asAuthor());
        return json.toJson(tree.get(page.getId()), true, null);
    }

    @PostMapping(value = "/{id}/schedule/", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> schedule(@PathVariable String id, @RequestBody Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        JsonBody input = JsonBody.of(body, Set.of("go_live_at", "expire_at"));
        long pageId = pageId(id);
        permissions.require(user, PageAction.PUBLISH, tree.get(pageId));
        publisher.setSchedule(pageId, input.time("go_live_at"), input.time("expire_at"), user.asAuthor());
        return json.toJson(tree.get(pageId), true, null);
    }

    /** Deleting moves the page and its descendants into the bin, from where they can be restored for 30 days. */
    @DeleteMapping("/{id}/")
    Map<String, Object> delete(@PathVariable String id, @AuthenticationPrincipal FloeUser user) {
        long pageId = pageId(id);
        permissions.require(user, PageAction.DELETE, tree.get(pageId));
        return binJson(bin.delete(pageId, user.asAuthor()));
    }

    @PostMapping("/{id}/restore/")
    Map<String, Object> restoreFromBin(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
                                       @AuthenticationPrincipal FloeUser user) {
        JsonBody input = JsonBody.of(body == null ? Map.of() : body, Set.of("parent"));
        BinEntry entry = bin.entry(pageId(id));
        Long parent = input.id("parent") != null ? input.id("parent") : entry.getParentId();
        if (!permissions.can(user, PageAction.DELETE, entry.getPath())
                || (parent != null && tree.exists(parent) && !permissions.can(user, PageAction.ADD, parent))) {
            throw new PermissionDeniedException("You may not restore " + entry.getPath() + " there: restoring needs the"
                    + " permission to delete the page and to add pages under its new parent.");
        }
        Page page = bin.restore(entry.getPageId(), input.id("parent"), user.asAuthor());
        return json.toJson(tree.get(page.getId()), true, null);
    }

    static Map<String, Object> binJson(BinEntry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", entry.getPageId());
        out.put("title", entry.getTitle());
        out.put("path", entry.getPath());
        out.put("parent", entry.getParentId());
        out.put("pages", entry.getPageCount());
        out.put("were_live", entry.getLiveCount());
        out.put("deleted_by", entry.getDeletedBy());
        out.put("deleted_at", entry.getDeletedAt().toString());
        out.put("purge_at", entry.getPurgeAt().toString());
        return out;
    }

    @GetMapping("/{id}/revisions/")
    Map<String, Object> revisions(@PathVariable String id, @AuthenticationPrincipal FloeUser user) {
        requireToken(user);
        List<Map<String, Object>> items = history.revisions(pageId(id)).stream().map(PagesApi::revisionSummary).toList();
        return Map.of("items", items, "meta", Map.of("total", items.size()));
    }

    @GetMapping("/{id}/revisions/{rid}/")
    Map<String, Object> revision(@PathVariable String id, @PathVariable String rid, @AuthenticationPrincipal FloeUser user) {
        requireToken(user);
        Revision revision = history.revision(pageId(id), revisionId(rid));
        Map<String, Object> out = revisionSummary(revision);
        var content = history.content(revision);
        out.put("title", content.title());
        out.put("slug", revision.getSlug());
        out.put("layout", content.layout());
        out.put("fields", content.fields());
        out.put("slots", content.slots());
        return out;
    }

    @GetMapping("/{id}/revisions/compare/")
    Map<String, Object> compare(@PathVariable String id, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to, @AuthenticationPrincipal FloeUser user) {
        requireToken(user);
        if (from == null || to == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Give the two revisions to compare as ?from=ID&to=ID.");
        }
        List<Map<String, Object>> changes = history.compare(pageId(id), revisionId(from), revisionId(to)).stream()
                .map(change -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("field", change.field());
                    item.put("before", change.before());
                    item.put("after", change.after());
                    return item;
                }).toList();
        return Map.of("from", revisionId(from), "to", revisionId(to), "changes", changes);
    }

    @PostMapping("/{id}/revisions/{rid}/restore/")
    Map<String, Object> restore(@PathVariable String id, @PathVariable String rid,
                                @RequestBody(required = false) Map<String, Object> body, @AuthenticationPrincipal FloeUser user) {
        JsonBody input = JsonBody.of(body == null ? Map.of() : body, Set.of("version"));
        long pageId = pageId(id);
        permissions.require(user, PageAction.EDIT, tree.get(pageId));
        Page page = editor.restore(pageId, revisionId(rid), input.integer("version"), user.asAuthor());
        return json.toJson(tree.get(page.getId()), true, null);
    }

    @PostMapping("/{id}/preview-link/")
    Map<String, Object> previewLink(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body,
                                    @AuthenticationPrincipal FloeUser user, HttpServletRequest request) {
        JsonBody input = JsonBody.of(body == null ? Map.of() : body, Set.of("expires_in_days"));
        long pageId = pageId(id);
        permissions.require(user, PageAction.EDIT, tree.get(pageId));
        Integer days = input.integer("expires_in_days");
        PreviewLinks.Link link = previewLinks.create(pageId, days == null ? null : Duration.ofDays(days));
        String url = ServletUriComponentsBuilder.fromContextPath(request).path(link.path()).build().toUriString();
        return Map.of("url", url, "expires_at", link.expiresAt().toString());
    }

    /** A page named in the body that does not exist is bad input (422), unlike a page named in the address (404). */
    private void requireExisting(String field, long pageId) {
        if (!tree.exists(pageId)) {
            throw ApiException.invalid(field, "refers to page " + pageId + ", which does not exist");
        }
    }

    private static Map<String, Object> revisionSummary(Revision revision) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", revision.getId());
        out.put("version", revision.getDraftVersion());
        out.put("kind", revision.getKind().name().toLowerCase());
        out.put("author", revision.getAuthor());
        out.put("created_at", revision.getCreatedAt().toString());
        return out;
    }

    private static boolean wantsDraft(String draft, FloeUser user) {
        boolean drafts = switch (draft) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "draft must be true or false.");
        };
        if (drafts) {
            requireToken(user);
        }
        return drafts;
    }

    private static void requireToken(FloeUser user) {
        if (user == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED,
                    "Drafts and revisions need an API token: send 'Authorization: Bearer <token>'.");
        }
    }

    private static long pageId(String id) {
        return parseId("id", id);
    }

    private static long revisionId(String id) {
        return parseId("revision id", id);
    }

    private static long parseId(String name, String value) {
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, name + " must be a positive whole number, not '" + value + "'.");
    }

    private static int parseInt(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ApiException(HttpStatus.BAD_REQUEST, name + " must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not '" + value + "'.");
    }

    private static Set<String> parseFields(String fields) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        return Arrays.stream(fields.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String normalisePath(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return p.endsWith("/") ? p : p + "/";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
