package dev.floe.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import dev.floe.media.FocalPoint;
import dev.floe.media.ImageView;
import dev.floe.media.MediaInUseException;
import dev.floe.media.MediaLibrary;
import dev.floe.media.MediaRejectedException;
import dev.floe.media.Upload;

/**
 * The image library: a grid of thumbnails with search and category filter, upload of one or several files, editing
 * an image's description and focal point, replacing its file (its address stays), and deleting one no page uses.
 */
@Controller
@RequestMapping("/admin/media")
@AdminAccess(SitePermission.MEDIA)
class MediaImagesController {

    static final int PAGE_SIZE = 24;

    private final MediaLibrary library;

    MediaImagesController(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/")
    String media() {
        return "redirect:/admin/media/images/";
    }

    @GetMapping("/images/")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String category,
                @RequestParam(defaultValue = "1") int page, Model model) {
        listing(model, q, category, page);
        return "admin/media/images";
    }

    /** Stores each file that passes the library's checks; those that do not are listed with the reason, the others kept. */
    @PostMapping("/images/upload/")
    ModelAndView upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
                        @RequestParam(defaultValue = "") String categories, RedirectAttributes redirect) {
        List<MultipartFile> sent = chosen(files);
        if (sent.isEmpty()) {
            ModelAndView view = new ModelAndView("admin/media/images", HttpStatus.UNPROCESSABLE_CONTENT);
            listing(view.getModel(), "", "", 1);
            view.addObject("errors", new FormErrors().field("files", "Choose one or more image files to upload."));
            return view;
        }
        String by = CurrentUser.get().orElseThrow().email();
        List<String> added = new ArrayList<>();
        List<Map<String, String>> rejected = new ArrayList<>();
        for (MultipartFile file : sent) {
            try {
                ImageView image = library.uploadImage(upload(file), new MediaLibrary.ImageChanges(null, null, null, null, null,
                        categoryList(categories), null, false), by);
                added.add(image.metadata().title());
            } catch (MediaRejectedException e) {
                rejected.add(Map.of("file", String.valueOf(file.getOriginalFilename()), "message", e.getMessage()));
            }
        }
        if (rejected.isEmpty()) {
            FlashMessage.success(redirect, added.size() == 1 ? "The image “" + added.getFirst() + "” was added."
                    : added.size() + " images were added.");
            return new ModelAndView("redirect:/admin/media/images/");
        }
        ModelAndView view = new ModelAndView("admin/media/images", HttpStatus.UNPROCESSABLE_CONTENT);
        listing(view.getModel(), "", "", 1);
        view.addObject("rejected", rejected);
        view.addObject("added", added);
        view.addObject("errors", new FormErrors().field("files", rejected.size() == 1 ? "One file was not added; see below."
                : rejected.size() + " files were not added; see below."));
        return view;
    }

    @GetMapping("/images/{id}/")
    String edit(@PathVariable long id, Model model) {
        ImageView image = library.getImage(id);
        model.addAttribute("image", image);
        model.addAttribute("form", form(image));
        model.addAttribute("using", library.pagesUsingImage(id));
        return "admin/media/image_edit";
    }

    @PostMapping("/images/{id}/")
    ModelAndView save(@PathVariable long id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        ImageView image = library.getImage(id);
        FormErrors errors = new FormErrors();
        FocalPoint focal = null;
        boolean clearFocal = "true".equals(params.get("clear_focal_point"));
        if (!clearFocal) {
            focal = focalPoint(params, image, errors);
        }
        if (errors.isEmpty()) {
            try {
                ImageView saved = library.updateImage(id, new MediaLibrary.ImageChanges(text(params, "title"), text(params, "alt_text"),
                        text(params, "caption"), text(params, "credit"), text(params, "licence"), categoryList(text(params, "categories")),
                        focal, clearFocal), CurrentUser.get().orElseThrow().email());
                FlashMessage.success(redirect, "The image “" + saved.metadata().title() + "” was saved.");
                return new ModelAndView("redirect:/admin/media/images/" + id + "/");
            } catch (MediaRejectedException e) {
                errors.field(e.field() == null ? "title" : formField(e.field()), e.getMessage());
            }
        }
        ModelAndView view = new ModelAndView("admin/media/image_edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("image", image);
        view.addObject("form", params);
        view.addObject("errors", errors);
        return view;
    }

    @PostMapping("/images/{id}/replace/")
    ModelAndView replace(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        ImageView image = library.getImage(id);
        FormErrors errors = new FormErrors();
        if (file == null || file.isEmpty()) {
            errors.field("file", "Choose the image file that should replace this one.");
        } else {
            try {
                library.replaceImage(id, upload(file), CurrentUser.get().orElseThrow().email());
                FlashMessage.success(redirect, "The file of “" + image.metadata().title() + "” was replaced; pages that show it now show the new file.");
                return new ModelAndView("redirect:/admin/media/images/" + id + "/");
            } catch (MediaRejectedException e) {
                errors.field("file", e.getMessage());
            }
        }
        ModelAndView view = new ModelAndView("admin/media/image_edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("image", image);
        view.addObject("form", form(image));
        view.addObject("errors", errors);
        return view;
    }

    @GetMapping("/images/{id}/delete/")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("image", library.getImage(id));
        model.addAttribute("using", library.pagesUsingImage(id));
        return "admin/media/image_delete";
    }

    @PostMapping("/images/{id}/delete/")
    ModelAndView delete(@PathVariable long id, RedirectAttributes redirect) {
        ImageView image = library.getImage(id);
        try {
            library.deleteImage(id);
        } catch (MediaInUseException e) {
            ModelAndView view = new ModelAndView("admin/media/image_delete", HttpStatus.CONFLICT);
            view.addObject("image", image);
            view.addObject("using", e.pages());
            return view;
        }
        FlashMessage.success(redirect, "The image “" + image.metadata().title() + "” was deleted.");
        return new ModelAndView("redirect:/admin/media/images/");
    }

    private void listing(Map<String, Object> model, String q, String category, int page) {
        int current = Math.max(1, page);
        MediaLibrary.Listing<ImageView> images = library.searchImages(q, category, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        model.put("images", images.items());
        model.put("total", images.total());
        model.put("q", q);
        model.put("category", category);
        model.put("categories", library.imageCategories());
        model.put("page", current);
        model.put("has_next", (long) current * PAGE_SIZE < images.total());
    }

    private void listing(Model model, String q, String category, int page) {
        Map<String, Object> values = new LinkedHashMap<>();
        listing(values, q, category, page);
        model.addAllAttributes(values);
    }

    private static Map<String, String> form(ImageView image) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", image.metadata().title());
        form.put("alt_text", nullToEmpty(image.metadata().altText()));
        form.put("caption", nullToEmpty(image.metadata().caption()));
        form.put("credit", nullToEmpty(image.metadata().credit()));
        form.put("licence", nullToEmpty(image.metadata().licence()));
        form.put("categories", String.join(", ", image.metadata().categories()));
        FocalPoint focal = image.focalPoint();
        form.put("focal_x", focal == null ? "" : Integer.toString(focal.x()));
        form.put("focal_y", focal == null ? "" : Integer.toString(focal.y()));
        form.put("focal_width", focal == null ? "" : Integer.toString(focal.width()));
        form.put("focal_height", focal == null ? "" : Integer.toString(focal.height()));
        return form;
    }

    /** The focal point from the four numeric fields: all empty means "leave it", some empty is a mistake. */
    private static FocalPoint focalPoint(Map<String, String> params, ImageView image, FormErrors errors) {
        List<String> names = List.of("focal_x", "focal_y", "focal_width", "focal_height");
        List<String> values = names.stream().map(n -> params.getOrDefault(n, "").strip()).toList();
        if (values.stream().allMatch(String::isEmpty)) {
            return null;
        }
        int[] numbers = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                numbers[i] = Integer.parseInt(values.get(i));
            } catch (NumberFormatException e) {
                errors.field(names.get(i), "Give a whole number of pixels (the image is " + image.width() + " × " + image.height() + ").");
            }
        }
        return errors.isEmpty() ? new FocalPoint(numbers[0], numbers[1], numbers[2], numbers[3]) : null;
    }

    /** The library names fields as the API does; the form names the focal point's parts separately. */
    private static String formField(String field) {
        return field.equals("focal_point") ? "focal_x" : field;
    }

    /** A field the form did not send stays as it is (null to the library); one sent empty is cleared. */
    private static String text(Map<String, String> params, String name) {
        return params.get(name);
    }

    private static List<String> categoryList(String text) {
        return text == null ? null : Arrays.stream(text.split(",")).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The files a form sent, without the empty, nameless part a browser sends when no file was chosen. */
    static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
    }

    static Upload upload(MultipartFile file) {
        return new Upload(file.getOriginalFilename(), file.getSize(), file::getInputStream);
    }
}
