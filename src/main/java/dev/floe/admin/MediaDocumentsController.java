package dev.floe.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.floe.accounts.SitePermission;
import dev.floe.media.DocumentView;
import dev.floe.media.MediaInUseException;
import dev.floe.media.MediaLibrary;
import dev.floe.media.MediaRejectedException;

/** The document library: list and search, upload (public or private), edit, make private or public, replace, delete. */
@Controller
@RequestMapping("/admin/media/documents")
@AdminAccess(SitePermission.MEDIA)
class MediaDocumentsController {

    private static final int PAGE_SIZE = 50;

    private final MediaLibrary library;

    MediaDocumentsController(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAllAttributes(listing(q, page));
        return "admin/media/documents";
    }

    @PostMapping("/upload/")
    ModelAndView upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                        @RequestParam(name = "private", defaultValue = "false") boolean isPrivate, RedirectAttributes redirect) {
        List<MultipartFile> sent = MediaImagesController.chosen(files);
        if (sent.isEmpty()) {
            ModelAndView view = new ModelAndView("admin/media/documents", HttpStatus.UNPROCESSABLE_CONTENT);
            view.addAllObjects(listing("", 1));
            view.addObject("errors", new FormErrors().field("files", "Choose one or more documents to upload."));
            return view;
        }
        String by = CurrentUser.get().orElseThrow().email();
        List<String> added = new ArrayList<>();
        List<Map<String, String>> rejected = new ArrayList<>();
        for (MultipartFile file : sent) {
            try {
                added.add(library.uploadDocument(MediaImagesController.upload(file), null, null, isPrivate, by).title());
            } catch (MediaRejectedException e) {
                rejected.add(Map.of("file", String.valueOf(file.getOriginalFilename()), "message", e.getMessage()));
            }
        }
        if (rejected.isEmpty()) {
            FlashMessage.success(redirect, added.size() == 1 ? "The document “" + added.getFirst() + "” was added."
                    : added.size() + " documents were added.");
            return new ModelAndView("redirect:/admin/media/documents/");
        }
        ModelAndView view = new ModelAndView("admin/media/documents", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addAllObjects(listing("", 1));
        view.addObject("rejected", rejected);
        view.addObject("added", added);
        view.addObject("errors", new FormErrors().field("files", rejected.size() == 1 ? "One file was not added; see below."
                : rejected.size() + " files were not added; see below."));
        return view;
    }

    @GetMapping("/{id}/")
    String edit(@PathVariable long id, Model model) {
        DocumentView document = library.getDocument(id);
        model.addAttribute("document", document);
        model.addAttribute("form", Map.of("title", document.title(), "categories", String.join(", ", document.categories())));
        model.addAttribute("using", library.pagesUsingDocument(id));
        return "admin/media/document_edit";
    }

    @PostMapping("/{id}/")
    ModelAndView save(@PathVariable long id, @RequestParam(defaultValue = "") String title,
                      @RequestParam(defaultValue = "") String categories,
                      @RequestParam(name = "private", defaultValue = "false") boolean isPrivate, RedirectAttributes redirect) {
        DocumentView document = library.getDocument(id);
        String by = CurrentUser.get().orElseThrow().email();
        FormErrors errors = new FormErrors();
        if (title.isBlank()) {
            errors.field("title", "A document needs a title.");
        } else {
            try {
                library.updateDocument(id, title, Arrays.stream(categories.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList(), by);
                DocumentView saved = library.setDocumentPrivate(id, isPrivate, by);
                FlashMessage.success(redirect, "The document “" + saved.title() + "” was saved"
                        + (saved.isPrivate() ? "; it is private: only signed links that expire reach it." : "."));
                return new ModelAndView("redirect:/admin/media/documents/" + id + "/");
            } catch (MediaRejectedException e) {
                errors.field(e.field() == null ? "title" : e.field(), e.getMessage());
            }
        }
        ModelAndView view = new ModelAndView("admin/media/document_edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("document", document);
        view.addObject("form", Map.of("title", title, "categories", categories));
        view.addObject("errors", errors);
        return view;
    }

    @PostMapping("/{id}/replace/")
    ModelAndView replace(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        DocumentView document = library.getDocument(id);
        FormErrors errors = new FormErrors();
        if (file == null || file.isEmpty()) {
            errors.field("file", "Choose the file that should replace this document's.");
        } else {
            try {
                library.replaceDocument(id, MediaImagesController.upload(file), CurrentUser.get().orElseThrow().email());
                FlashMessage.success(redirect, "The file of “" + document.title() + "” was replaced; its address stays the same.");
                return new ModelAndView("redirect:/admin/media/documents/" + id + "/");
            } catch (MediaRejectedException e) {
                errors.field("file", e.getMessage());
            }
        }
        ModelAndView view = new ModelAndView("admin/media/document_edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("document", document);
        view.addObject("form", Map.of("title", document.title(), "categories", String.join(", ", document.categories())));
        view.addObject("errors", errors);
        return view;
    }

    @GetMapping("/{id}/delete/")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("document", library.getDocument(id));
        model.addAttribute("using", library.pagesUsingDocument(id));
        return "admin/media/document_delete";
    }

    @PostMapping("/{id}/delete/")
    ModelAndView delete(@PathVariable long id, RedirectAttributes redirect) {
        DocumentView document = library.getDocument(id);
        try {
            library.deleteDocument(id);
        } catch (MediaInUseException e) {
            ModelAndView view = new ModelAndView("admin/media/document_delete", HttpStatus.CONFLICT);
            view.addObject("document", document);
            view.addObject("using", e.pages());
            return view;
        }
        FlashMessage.success(redirect, "The document “" + document.title() + "” was deleted.");
        return new ModelAndView("redirect:/admin/media/documents/");
    }

    private Map<String, Object> listing(String q, int page) {
        int current = Math.max(1, page);
        MediaLibrary.Listing<DocumentView> documents = library.searchDocuments(q, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        return Map.of("documents", documents.items(), "total", documents.total(), "q", q, "page", current,
                "has_next", (long) current * PAGE_SIZE < documents.total());
    }
}
