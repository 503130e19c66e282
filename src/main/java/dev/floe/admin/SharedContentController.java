package dev.floe.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.floe.accounts.SitePermission;
import dev.floe.blocks.ContentValidationException;
import dev.floe.pages.PageReferences;
import dev.floe.sharedcontent.SharedContentInUseException;
import dev.floe.sharedcontent.SharedContentNotFoundException;
import dev.floe.sharedcontent.SharedContents;

/**
 * Shared content (ICEkit's shared content, Wagtail's snippets): a searchable list, add, edit its blocks with the page
 * editor's block forms, and delete, which is refused while pages place it. Every change goes through
 * {@link SharedContents}, as the content API's do, so pages showing it are purged from the page cache the same way.
 */
@Controller
@RequestMapping("/admin/shared-content")
@AdminAccess(SitePermission.SHARED_CONTENT)
class SharedContentController {

    static final int PAGE_SIZE = 50;

    private final SharedContents contents;
    private final BlockSlotsForm blocks;

    SharedContentController(SharedContents contents, BlockSlotsForm blocks) {
        this.contents = contents;
        this.blocks = blocks;
    }

    @GetMapping("/")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        int number = Math.max(page, 1);
        SharedContents.Listing listing = contents.search(q, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("items", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("q", q);
        model.addAttribute("page", number);
        model.addAttribute("pages", Math.max(1, (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "admin/shared_content/list";
    }

    @GetMapping("/new/")
    ModelAndView add() {
        return editor(HttpStatus.OK, null, "", "", blocks.stored(contents.slots(), Map.of()), new FormErrors(), List.of());
    }

    @PostMapping("/new/")
    ModelAndView create(HttpServletRequest request, RedirectAttributes flash) {
        BlockSlotsForm.Sent sent = blocks.read(request, contents.slots());
        try {
            sent.requireReadable();
            SharedContents.View created = contents.create(request.getParameter("name"), request.getParameter("title"),
                    sent.slot(SharedContents.SLOT), CurrentUser.get().orElseThrow().asAuthor());
            FlashMessage.success(flash, "The shared content " + created.name() + " was added.");
            return new ModelAndView("redirect:/admin/shared-content/" + created.id() + "/");
        } catch (ContentValidationException e) {
            return refused(null, request, sent, e);
        }
    }

    @GetMapping("/{id}/")
    ModelAndView edit(@PathVariable long id) {
        SharedContents.View content = contents.get(id);
        return editor(HttpStatus.OK, content, content.name(), content.title(),
                blocks.stored(contents.slots(), Map.of(SharedContents.SLOT, content.blocks())), new FormErrors(), List.of())
                .addObject("using", contents.pagesUsing(id));
    }

    @PostMapping("/{id}/")
    ModelAndView update(@PathVariable long id, HttpServletRequest request, RedirectAttributes flash) {
        SharedContents.View current = contents.get(id);
        BlockSlotsForm.Sent sent = blocks.read(request, contents.slots());
        try {
            sent.requireReadable();
            SharedContents.View saved = contents.update(id, request.getParameter("name"), request.getParameter("title"),
                    sent.slot(SharedContents.SLOT), CurrentUser.get().orElseThrow().asAuthor());
            FlashMessage.success(flash, "The shared content " + saved.name() + " was saved; the pages showing it show the change now.");
            return new ModelAndView("redirect:/admin/shared-content/" + id + "/");
        } catch (ContentValidationException e) {
            return refused(current, request, sent, e);
        }
    }

    /** A new, empty block for the shared content's slot, as the "add block" button inserts it. */
    @GetMapping("/block-form/")
    ModelAndView blockForm(@RequestParam String slot, @RequestParam String type) {
        return blocks.newBlock(contents.slots(), slot, type);
    }

    @GetMapping("/{id}/delete/")
    ModelAndView confirmDelete(@PathVariable long id) {
        return deletePage(HttpStatus.OK, contents.get(id), contents.pagesUsing(id));
    }

    @PostMapping("/{id}/delete/")
    ModelAndView delete(@PathVariable long id, RedirectAttributes flash) {
        SharedContents.View content = contents.get(id);
        try {
            contents.delete(id);
        } catch (SharedContentInUseException e) {
            return deletePage(HttpStatus.CONFLICT, content, e.pages());
        }
        FlashMessage.success(flash, "The shared content " + content.name() + " was deleted.");
        return new ModelAndView("redirect:/admin/shared-content/");
    }

    @ExceptionHandler(SharedContentNotFoundException.class)
    ModelAndView notFound(SharedContentNotFoundException e) {
        return AdminErrors.page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private ModelAndView refused(SharedContents.View current, HttpServletRequest request, BlockSlotsForm.Sent sent,
                                 ContentValidationException e) {
        FormErrors errors = new FormErrors();
        List<String> problems = new ArrayList<>();
        Map<String, Object> form = blocks.sentBack(contents.slots(), request, sent, e, errors, problems);
        return editor(HttpStatus.UNPROCESSABLE_CONTENT, current, value(request, "name"), value(request, "title"), form,
                errors, problems);
    }

    private static ModelAndView editor(HttpStatus status, SharedContents.View content, String name, String title,
                                       Map<String, Object> form, FormErrors errors, List<String> problems) {
        ModelAndView view = new ModelAndView("admin/shared_content/edit", status);
        view.addObject("content", content);
        view.addObject("adding", content == null);
        view.addObject("name", name);
        view.addObject("title", title);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("problems", problems);
        return view;
    }

    private static ModelAndView deletePage(HttpStatus status, SharedContents.View content,
                                           List<PageReferences.UsingPage> using) {
        ModelAndView view = new ModelAndView("admin/shared_content/delete", status);
        view.addObject("content", content);
        view.addObject("using", using);
        return view;
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
