package dev.floe.admin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.accounts.Permissions;
import dev.floe.accounts.SitePermission;
import dev.floe.media.DocumentView;
import dev.floe.media.ImageView;
import dev.floe.media.MediaLibrary;
import dev.floe.media.MediaRejectedException;

/**
 * The chooser the page editor opens beside an image or document field: a searchable grid to pick from, and an upload
 * for those who manage media. It answers a fragment that the editor's script puts into the field's panel.
 */
@Controller
@RequestMapping("/admin/media/chooser")
@AdminAccess
class MediaChooserController {

    private static final int PAGE_SIZE = 12;

    private final MediaLibrary library;
    private final Permissions permissions;

    MediaChooserController(MediaLibrary library, Permissions permissions) {
        this.library = library;
        this.permissions = permissions;
    }

    @GetMapping("/images/")
    ModelAndView images(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page) {
        return imageList(requireChooser(), q, page, HttpStatus.OK);
    }

    @PostMapping("/images/upload/")
    @AdminAccess(SitePermission.MEDIA)
    ModelAndView uploadImage(@RequestParam(name = "file", required = false) MultipartFile file) {
        FloeUser user = requireChooser();
        if (file == null || file.isEmpty()) {
            return imageList(user, "", 1, HttpStatus.UNPROCESSABLE_CONTENT).addObject("upload_error", "Choose an image file to upload.");
        }
        try {
            ImageView image = library.uploadImage(MediaImagesController.upload(file),
                    new MediaLibrary.ImageChanges(null, null, null, null, null, null, null, false), user.email());
            return imageList(user, "", 1, HttpStatus.CREATED).addObject("uploaded", image.id());
        } catch (MediaRejectedException e) {
            return imageList(user, "", 1, HttpStatus.UNPROCESSABLE_CONTENT).addObject("upload_error", e.getMessage());
        }
    }

    @GetMapping("/documents/")
    ModelAndView documents(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page) {
        return documentList(requireChooser(), q, page, HttpStatus.OK);
    }

    @PostMapping("/documents/upload/")
    @AdminAccess(SitePermission.MEDIA)
    ModelAndView uploadDocument(@RequestParam(name = "file", required = false) MultipartFile file) {
        FloeUser user = requireChooser();
        if (file == null || file.isEmpty()) {
            return documentList(user, "", 1, HttpStatus.UNPROCESSABLE_CONTENT).addObject("upload_error", "Choose a document file to upload.");
        }
        try {
            DocumentView document = library.uploadDocument(MediaImagesController.upload(file), null, null, false, user.email());
            return documentList(user, "", 1, HttpStatus.CREATED).addObject("uploaded", document.id());
        } catch (MediaRejectedException e) {
            return documentList(user, "", 1, HttpStatus.UNPROCESSABLE_CONTENT).addObject("upload_error", e.getMessage());
        }
    }

    /** Whoever edits pages, or manages media, may pick from the library. */
    private FloeUser requireChooser() {
        FloeUser user = CurrentUser.get().orElseThrow();
        if (!permissions.canUsePages(user) && !permissions.has(user, SitePermission.MEDIA)) {
            throw new PermissionDeniedException("Choosing media is for those who edit pages; ask an administrator for the permission.");
        }
        return user;
    }

    private ModelAndView imageList(FloeUser user, String q, int page, HttpStatus status) {
        int current = Math.max(1, page);
        MediaLibrary.Listing<ImageView> images = library.searchImages(q, "", (current - 1) * PAGE_SIZE, PAGE_SIZE);
        return chooser("images", user, q, current, images.total(), status).addObject("images", images.items());
    }

    private ModelAndView documentList(FloeUser user, String q, int page, HttpStatus status) {
        int current = Math.max(1, page);
        MediaLibrary.Listing<DocumentView> documents = library.searchDocuments(q, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        return chooser("documents", user, q, current, documents.total(), status).addObject("documents", documents.items());
    }

    private ModelAndView chooser(String kind, FloeUser user, String q, int page, long total, HttpStatus status) {
        ModelAndView view = new ModelAndView("admin/media/chooser", status);
        view.addObject("kind", kind);
        view.addObject("q", q);
        view.addObject("page", page);
        view.addObject("total", total);
        view.addObject("has_next", (long) page * PAGE_SIZE < total);
        view.addObject("can_upload", permissions.has(user, SitePermission.MEDIA));
        return view;
    }
}
