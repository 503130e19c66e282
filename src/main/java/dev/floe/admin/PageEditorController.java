package dev.floe.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PageAction;
import dev.floe.blocks.BlockType;
import dev.floe.blocks.BlockTypes;
import dev.floe.blocks.ContentValidationException;
import dev.floe.pages.Page;
import dev.floe.pages.PageContent;
import dev.floe.pages.PageEditor;
import dev.floe.pages.PageHistory;
import dev.floe.pages.PageRenderer;
import dev.floe.pages.PageTree;
import dev.floe.pages.PageType;
import dev.floe.pages.PageTypes;
import dev.floe.pages.Revision;
import dev.floe.pages.StaleDraftException;
import dev.floe.publishing.PreviewLinks;
import dev.floe.publishing.Publisher;
import dev.floe.workflow.EditingPresence;
import dev.floe.workflow.Review;
import dev.floe.workflow.Workflow;

/**
 * The page editor: a page's fields and slots of blocks, saved as drafts (by hand and by autosave, always based on the
 * version the editor opened, so a stale save is refused and never overwrites), previewed, published, scheduled,
 * reviewed, and its revisions compared and restored. Every action checks the user's permission on the page.
 */
@Controller
@AdminAccess(pages = PageAction.EDIT)
class PageEditorController {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final PageTree tree;
    private final PageTypes pageTypes;
    private final BlockTypes blockTypes;
    private final PageEditor editor;
    private final PageHistory history;
    private final PageRenderer renderer;
    private final Publisher publisher;
    private final PreviewLinks previewLinks;
    private final Workflow workflow;
    private final EditingPresence presence;
    private final PageEditorView views;
    private final PageRows rows;
    private final PageAdminSupport admin;
    private final TransactionTemplate transactions;

    PageEditorController(PageTree tree, PageTypes pageTypes, BlockTypes blockTypes, PageEditor editor, PageHistory history,
                         PageRenderer renderer, Publisher publisher, PreviewLinks previewLinks, Workflow workflow,
                         EditingPresence presence, PageEditorView views, PageRows rows, PageAdminSupport admin,
                         TransactionTemplate transactions) {
        this.tree = tree;
        this.pageTypes = pageTypes;
        this.blockTypes = blockTypes;
        this.editor = editor;
        this.history = history;
        this.renderer = renderer;
        this.publisher = publisher;
        this.previewLinks = previewLinks;
        this.workflow = workflow;
        this.presence = presence;
        this.views = views;
        this.rows = rows;
        this.admin = admin;
        this.transactions = transactions;
    }

    /** The explorer's "add child page" form names the type as a parameter. */
    @GetMapping("/admin/pages/add/{parent}/")
    @AdminAccess(pages = PageAction.ADD)
    String addChosenType(@PathVariable long parent, @RequestParam String type) {
        return "redirect:/admin/pages/add/" + parent + "/" + pageType(type).name() + "/";
    }

    @GetMapping("/admin/pages/add/{parent}/{type}/")
    @AdminAccess(pages = PageAction.ADD)
    ResponseEntity<String> addForm(@PathVariable long parent, @PathVariable String type, @AuthenticationPrincipal FloeUser user) {
        Page parentPage = tree.get(parent);
        admin.require(user, parentPage, PageAction.ADD);
        PageType pageType = pageType(type);
        Map<String, Object> model = new HashMap<>();
        model.put("parent", rows.row(parentPage));
        model.put("type", typeView(pageType));
        model.put("form", views.fromContent(pageType, new PageContent("", pageType.defaultLayout(), Map.of(), Map.of())));
        model.put("slug", "");
        model.put("errors", List.of());
        return admin.render("admin/pages/add", model, user);
    }

    @PostMapping("/admin/pages/add/{parent}/{type}/")
    @AdminAccess(pages = PageAction.ADD)
    ResponseEntity<String> add(@PathVariable long parent, @PathVariable String type, HttpServletRequest request,
                               @AuthenticationPrincipal FloeUser user) {
        Page parentPage = tree.get(parent);
        admin.require(user, parentPage, PageAction.ADD);
        PageType pageType = pageType(type);
        PageEditorForm form = PageEditorForm.read(request, pageType, blockTypes);
        try {
            form.requireReadable();
            Page page = editor.create(parent, pageType.name(), form.input(), user.asAuthor());
            return seeOther("/admin/pages/" + page.getId() + "/edit/?created=1");
        } catch (ContentValidationException e) {
            List<String> general = new ArrayList<>();
            Map<String, Object> model = new HashMap<>();
            model.put("parent", rows.row(parentPage));
            model.put("type", typeView(pageType));
            model.put("form", views.fromForm(pageType, request, form, e.problems(), general));
            model.put("slug", request.getParameter("slug") == null ? "" : request.getParameter("slug"));
            model.put("errors", general);
            return admin.render(HttpStatus.UNPROCESSABLE_CONTENT, "admin/pages/add", model, user);
        }
    }

    @GetMapping("/admin/pages/{id}/edit/")
    ResponseEntity<String> edit(@PathVariable long id, @RequestParam(required = false) String done,
                                @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        PageType type = pageTypes.get(page.getType());
        Map<String, Object> model = editorModel(page, user);
        model.put("form", views.fromContent(type, renderer.content(page, true)));
        model.put("version", page.getDraftVersion());
        model.put("done", done);
        presence.heartbeat(id, user.email(), page.getDraftVersion());
        return admin.render("admin/pages/edit", model, user);
    }

    /** Save draft, and then publish or submit for review when that button was pressed. */
    @PostMapping("/admin/pages/{id}/edit/")
    ResponseEntity<String> save(@PathVariable long id, @RequestParam int version, @RequestParam(defaultValue = "save") String action,
                                HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        if (action.equals("publish")) {
            admin.require(user, page, PageAction.PUBLISH);
        } else if (!action.equals("save") && !action.equals("submit")) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.BAD_REQUEST, "Unknown action '" + action + "'.");
        }
        PageType type = pageTypes.get(page.getType());
        PageEditorForm form = PageEditorForm.read(request, type, blockTypes);
        List<String> general = new ArrayList<>();
        try {
            form.requireReadable();
            transactions.executeWithoutResult(status -> {
                Page saved = editor.saveDraft(id, version, form.input(), user.asAuthor());
                if (action.equals("publish")) {
                    publisher.publish(id, saved.getDraftVersion(), user.asAuthor());
                } else if (action.equals("submit")) {
                    workflow.submit(id, saved.getDraftVersion(), request.getParameter("assignee"), null,
                            request.getParameter("comment"), user.asAuthor());
                }
            });
            return seeOther("/admin/pages/" + id + "/edit/?done=" + action);
        } catch (ContentValidationException e) {
            Map<String, Object> model = editorModel(page, user);
            model.put("form", views.fromForm(type, request, form, e.problems(), general));
            model.put("version", version);
            general.addFirst("The page was not saved: correct the " + e.problems().size() + " problem(s) shown.");
            model.put("errors", general);
            return admin.render(HttpStatus.UNPROCESSABLE_CONTENT, "admin/pages/edit", model, user);
        } catch (StaleDraftException e) {
            Map<String, Object> model = editorModel(page, user);
            model.put("form", views.fromForm(type, request, form, List.of(), general));
            model.put("version", version);
            model.put("stale", e.getMessage());
            return admin.render(HttpStatus.CONFLICT, "admin/pages/edit", model, user);
        }
    }

    /** The autosave timer's save: version-checked like any save; answers with the new version or why it did not save. */
    @PostMapping("/admin/pages/{id}/autosave/")
    ResponseEntity<String> autosave(@PathVariable long id, @RequestParam int version, HttpServletRequest request,
                                    @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        PageType type = pageTypes.get(page.getType());
        PageEditorForm form = PageEditorForm.read(request, type, blockTypes);
        Map<String, Object> model = new HashMap<>();
        try {
            form.requireReadable();
            Page saved = editor.saveDraft(id, version, form.input(), user.asAuthor());
            model.put("version", saved.getDraftVersion());
            model.put("saved_at", PageRows.time(saved.getDraftSavedAt()));
            presence.heartbeat(id, user.email(), saved.getDraftVersion());
            return admin.render("admin/pages/_autosave", model, user);
        } catch (ContentValidationException e) {
            model.put("problem", "Not autosaved: " + e.getMessage() + " Save to see each problem beside its field.");
        } catch (StaleDraftException e) {
            model.put("stale", e.getMessage());
        }
        return admin.render("admin/pages/_autosave", model, user);
    }

    /** The open editor's heartbeat: who else is editing, and whether someone saved since this editor's version. */
    @PostMapping("/admin/pages/{id}/heartbeat/")
    ResponseEntity<String> heartbeat(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        presence.heartbeat(id, user.email(), version);
        Map<String, Object> model = new HashMap<>();
        model.put("page_id", id);
        model.put("others", presence.others(id, user.email()).stream().map(EditingPresence.Editor::email).toList());
        if (page.getDraftVersion() != version) {
            model.put("newer", Map.of("version", page.getDraftVersion(), "by", String.valueOf(page.getDraftSavedBy()),
                    "at", PageRows.time(page.getDraftSavedAt())));
        }
        return admin.render("admin/pages/_presence", model, user);
    }

    /** Shows unsaved changes in the chosen layout (into the side-by-side frame or a new tab), storing nothing. */
    @PostMapping("/admin/pages/{id}/preview/")
    ResponseEntity<String> previewUnsaved(@PathVariable long id, HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        PageEditorForm form = PageEditorForm.read(request, pageTypes.get(page.getType()), blockTypes);
        try {
            form.requireReadable();
            PageContent content = editor.check(id, form.input(), user.asAuthor());
            return previewResponse(renderer.renderUnsaved(page, content));
        } catch (ContentValidationException e) {
            return ResponseEntity.unprocessableContent().contentType(HTML)
                    .body("<!doctype html><title>Preview</title><p>This cannot be previewed yet: "
                            + org.springframework.web.util.HtmlUtils.htmlEscape(e.getMessage()) + "</p>");
        }
    }

    /** The saved draft as the public site would show it. */
    @GetMapping("/admin/pages/{id}/preview/")
    ResponseEntity<String> previewDraft(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        return previewResponse(renderer.render(page, new PageRenderer.Options(true, 1)));
    }

    @PostMapping("/admin/pages/{id}/publish/")
    @AdminAccess(pages = PageAction.PUBLISH)
    String publish(@PathVariable long id, @RequestParam int version, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.PUBLISH);
        publisher.publish(id, version, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=publish";
    }

    @PostMapping("/admin/pages/{id}/unpublish/")
    @AdminAccess(pages = PageAction.PUBLISH)
    String unpublish(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.PUBLISH);
        publisher.unpublish(id, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=unpublish";
    }

    /** Go-live and expiry, given as UTC date and time (the form's datetime-local); empty clears that part. */
    @PostMapping("/admin/pages/{id}/schedule/")
    @AdminAccess(pages = PageAction.PUBLISH)
    String schedule(@PathVariable long id, @RequestParam(required = false) String goLiveAt,
                    @RequestParam(required = false) String expireAt, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.PUBLISH);
        publisher.setSchedule(id, utc("go-live", goLiveAt), utc("expiry", expireAt), user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=schedule";
    }

    @PostMapping("/admin/pages/{id}/preview-link/")
    ResponseEntity<String> shareLink(@PathVariable long id, @RequestParam(defaultValue = "7") int days,
                                     HttpServletRequest request, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        PreviewLinks.Link link = previewLinks.create(id, Duration.ofDays(days));
        String base = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        Map<String, Object> model = new HashMap<>();
        model.put("url", base + link.path());
        model.put("expires_at", PageRows.time(link.expiresAt()));
        return admin.render("admin/pages/_preview_link", model, user);
    }

    @PostMapping("/admin/pages/{id}/review/submit/")
    String submit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String assignee,
                  @RequestParam(required = false) String goLiveAt, @RequestParam(required = false) String comment,
                  @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        workflow.submit(id, version, assignee, utc("go-live", goLiveAt), comment, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=submit";
    }

    @PostMapping("/admin/pages/{id}/review/assign/")
    @AdminAccess(pages = PageAction.PUBLISH)
    String assign(@PathVariable long id, @RequestParam(required = false) String assignee, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.PUBLISH);
        workflow.assign(id, assignee, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=assign";
    }

    @PostMapping("/admin/pages/{id}/review/approve/")
    @AdminAccess(pages = PageAction.PUBLISH)
    String approve(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String comment,
                   @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.PUBLISH);
        workflow.approve(id, version, comment, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=approve";
    }

    @PostMapping("/admin/pages/{id}/review/request-changes/")
    @AdminAccess(pages = PageAction.PUBLISH)
    String requestChanges(@PathVariable long id, @RequestParam(required = false) String comment, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.PUBLISH);
        workflow.requestChanges(id, comment, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=request-changes";
    }

    @PostMapping("/admin/pages/{id}/review/withdraw/")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        workflow.withdraw(id, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=withdraw";
    }

    @GetMapping("/admin/pages/{id}/revisions/")
    ResponseEntity<String> revisions(@PathVariable long id, @RequestParam(required = false) Long from,
                                     @RequestParam(required = false) Long to, @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        Map<String, Object> model = new HashMap<>();
        model.put("page", rows.row(page));
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (Revision revision : history.revisions(id)) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", revision.getId());
            row.put("version", revision.getDraftVersion());
            row.put("kind", revision.getKind().name().toLowerCase(java.util.Locale.ROOT));
            row.put("author", revision.getAuthor());
            row.put("created_at", PageRows.time(revision.getCreatedAt()));
            row.put("live", revision.getId().equals(page.getLiveRevisionId()));
            revisions.add(row);
        }
        model.put("revisions", revisions);
        if (from != null && to != null) {
            model.put("from", from);
            model.put("to", to);
            model.put("changes", history.compare(id, from, to).stream().map(change -> Map.of(
                    "field", change.field(),
                    "before", change.before() == null ? "" : String.valueOf(change.before()),
                    "after", change.after() == null ? "" : String.valueOf(change.after()))).toList());
        }
        model.put("review_history", workflow.history(id).stream().map(step -> {
            Map<String, Object> row = new HashMap<>();
            row.put("action", step.getAction().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            row.put("actor", step.getActor());
            row.put("assignee", step.getAssignee());
            row.put("version", step.getDraftVersion());
            row.put("comment", step.getComment());
            row.put("at", PageRows.time(step.getCreatedAt()));
            return row;
        }).toList());
        return admin.render("admin/pages/revisions", model, user);
    }

    @PostMapping("/admin/pages/{id}/revisions/{revision}/restore/")
    String restoreRevision(@PathVariable long id, @PathVariable long revision, @RequestParam int version,
                           @AuthenticationPrincipal FloeUser user) {
        Page page = tree.get(id);
        admin.require(user, page, PageAction.EDIT);
        editor.restore(id, revision, version, user.asAuthor());
        return "redirect:/admin/pages/" + id + "/edit/?done=restore";
    }

    /** A new, empty block for a slot, as the "add block" button inserts it (htmx). */
    @GetMapping("/admin/pages/block-form/")
    ResponseEntity<String> blockForm(@RequestParam String slot, @RequestParam String type, @AuthenticationPrincipal FloeUser user) {
        BlockType blockType = blockTypes.find(type).orElseThrow(() -> new PageAdminSupport.AdminRefusal(HttpStatus.BAD_REQUEST,
                "There is no block type '" + type + "'."));
        if (!slot.matches("[a-z0-9_]{1,50}")) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.BAD_REQUEST, "There is no slot '" + slot + "'.");
        }
        if (!views.mayEdit(blockType)) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.FORBIDDEN, PageEditorView.refusal(blockType));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("slot", Map.of("name", slot));
        model.put("block", views.newBlock(blockType));
        return admin.render("admin/pages/_block", model, user);
    }

    private Map<String, Object> editorModel(Page page, FloeUser user) {
        Map<String, Object> model = new HashMap<>();
        PageType type = pageTypes.get(page.getType());
        model.put("page", rows.row(page));
        model.put("type", typeView(type));
        model.put("errors", new ArrayList<String>());
        Publisher.Schedule schedule = publisher.schedule(page.getId());
        model.put("go_live_at", schedule.goLiveAt().map(PageEditorController::local).orElse(""));
        model.put("expire_at", schedule.expireAt().map(PageEditorController::local).orElse(""));
        Review review = workflow.openReview(page.getId()).orElse(null);
        if (review != null) {
            Map<String, Object> reviewView = new HashMap<>();
            reviewView.put("submitted_by", review.getSubmittedBy());
            reviewView.put("submitted_at", PageRows.time(review.getSubmittedAt()));
            reviewView.put("assignee", review.getAssignee() == null ? "" : review.getAssignee());
            reviewView.put("go_live_at", PageRows.time(review.getGoLiveAt()));
            reviewView.put("mine", review.getSubmittedBy().equalsIgnoreCase(user.email()));
            reviewView.put("changed_since", review.getSubmittedVersion() != page.getDraftVersion());
            model.put("review", reviewView);
        }
        model.put("can_publish", admin.can(user, page, PageAction.PUBLISH));
        model.put("can_delete", !page.isHome() && admin.can(user, page, PageAction.DELETE));
        model.put("others", presence.others(page.getId(), user.email()).stream().map(EditingPresence.Editor::email).toList());
        return model;
    }

    private PageType pageType(String name) {
        return pageTypes.find(name).orElseThrow(() -> new PageAdminSupport.AdminRefusal(HttpStatus.NOT_FOUND,
                "There is no page type '" + name + "'."));
    }

    private static Map<String, Object> typeView(PageType type) {
        return Map.of("name", type.name(), "label", type.label(), "layouts", type.layouts());
    }

    private static ResponseEntity<String> previewResponse(String html) {
        return ResponseEntity.ok().contentType(HTML)
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("Content-Security-Policy", "script-src 'none'; frame-ancestors 'self'")
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(html);
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(java.net.URI.create(location)).build();
    }

    private static Instant utc(String what, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new PageAdminSupport.AdminRefusal(HttpStatus.UNPROCESSABLE_CONTENT,
                    "The " + what + " time must be a date and time such as 2026-12-01T09:00, not '" + value + "'.");
        }
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).withSecond(0).withNano(0).toString();
    }
}
