package dev.floe.admin;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.floe.accounts.SitePermission;
import dev.floe.pages.PageTree;
import dev.floe.redirects.RedirectException;
import dev.floe.redirects.RedirectNotFoundException;
import dev.floe.redirects.Redirects;

/**
 * Redirects: a searchable list, add, edit, delete, and CSV import and export. Every change goes through
 * {@link Redirects}, the same methods the content API and {@code floe import-redirects} use.
 */
@Controller
@RequestMapping("/admin/redirects")
@AdminAccess(SitePermission.REDIRECTS)
class RedirectsController {

    static final int PAGE_SIZE = 50;

    private final Redirects redirects;
    private final PageTree tree;

    RedirectsController(Redirects redirects, PageTree tree) {
        this.redirects = redirects;
        this.tree = tree;
    }

    /** The redirect form as submitted, so a refused form is shown again as it was typed. */
    record Form(String oldPath, String targetPage, String targetUrl, boolean permanent) {
        static Form of(Redirects.View view) {
            return new Form(view.oldPath(), view.targetPage() == null ? "" : view.targetPage().toString(),
                    view.targetUrl() == null ? "" : view.targetUrl(), view.permanent());
        }
    }

    @GetMapping("/")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        int number = Math.max(page, 1);
        Redirects.Listing listing = redirects.search(q, (number - 1) * PAGE_SIZE, PAGE_SIZE);
        long pages = Math.max(1, (listing.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("redirects", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("q", q);
        model.addAttribute("page", number);
        model.addAttribute("pages", pages);
        return "admin/redirects/list";
    }

    /**
     * A live page at the old path answers before any redirect (as in Wagtail, redirects are for addresses with nothing
     * there), so an editor is told the redirect waits for that page to move, be unpublished or be deleted.
     */
    private String shadowedBy(String oldPath) {
        int query = oldPath.indexOf('?');
        return tree.findLiveByPath(query < 0 ? oldPath : oldPath.substring(0, query))
                .map(page -> " The live page “" + page.getTitle() + "” answers at " + page.getPath()
                        + ", so visitors reach the redirect only once that page moves, is unpublished or is deleted.")
                .orElse("");
    }

    @GetMapping("/new/")
    String add(Model model) {
        model.addAttribute("form", new Form("", "", "", true));
        model.addAttribute("adding", true);
        return "admin/redirects/edit";
    }

    @PostMapping("/new/")
    ModelAndView create(@RequestParam(name = "old_path", defaultValue = "") String oldPath,
                        @RequestParam(name = "target_page", defaultValue = "") String targetPage,
                        @RequestParam(name = "target_url", defaultValue = "") String targetUrl,
                        @RequestParam(defaultValue = "301") String status, RedirectAttributes flash) {
        Form form = new Form(oldPath, targetPage, targetUrl, !status.equals("302"));
        FormErrors errors = new FormErrors();
        Long page = pageId(targetPage, errors);
        if (errors.isEmpty()) {
            try {
                Redirects.View created = redirects.create(oldPath, page, targetUrl, form.permanent());
                FlashMessage.success(flash, "The redirect from " + created.oldPath() + " was added." + shadowedBy(created.oldPath()));
                return new ModelAndView("redirect:/admin/redirects/");
            } catch (RedirectException e) {
                explain(e, errors);
            }
        }
        ModelAndView view = new ModelAndView("admin/redirects/edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("form", form);
        view.addObject("adding", true);
        view.addObject("errors", errors);
        view.addObject("target_page_label", pageLabel(targetPage));
        return view;
    }

    @GetMapping("/{id}/")
    String edit(@PathVariable long id, Model model) {
        Redirects.View redirect = redirects.get(id);
        model.addAttribute("redirect", redirect);
        model.addAttribute("form", Form.of(redirect));
        model.addAttribute("target_page_label", pageLabel(Form.of(redirect).targetPage()));
        return "admin/redirects/edit";
    }

    @PostMapping("/{id}/")
    ModelAndView update(@PathVariable long id,
                        @RequestParam(name = "target_page", defaultValue = "") String targetPage,
                        @RequestParam(name = "target_url", defaultValue = "") String targetUrl,
                        @RequestParam(defaultValue = "301") String status, RedirectAttributes flash) {
        Redirects.View current = redirects.get(id);
        Form form = new Form(current.oldPath(), targetPage, targetUrl, !status.equals("302"));
        FormErrors errors = new FormErrors();
        Long page = pageId(targetPage, errors);
        if (errors.isEmpty()) {
            try {
                redirects.update(id, page, targetUrl, form.permanent());
                FlashMessage.success(flash, "The redirect from " + current.oldPath() + " was saved." + shadowedBy(current.oldPath()));
                return new ModelAndView("redirect:/admin/redirects/");
            } catch (RedirectException e) {
                explain(e, errors);
            }
        }
        ModelAndView view = new ModelAndView("admin/redirects/edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("redirect", current);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("target_page_label", pageLabel(targetPage));
        return view;
    }

    @GetMapping("/{id}/delete/")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("redirect", redirects.get(id));
        return "admin/redirects/delete";
    }

    @PostMapping("/{id}/delete/")
    String delete(@PathVariable long id, RedirectAttributes flash) {
        Redirects.View redirect = redirects.get(id);
        redirects.delete(id);
        FlashMessage.success(flash, "The redirect from " + redirect.oldPath() + " was deleted.");
        return "redirect:/admin/redirects/";
    }

    @GetMapping("/import/")
    String importForm() {
        return "admin/redirects/import";
    }

    @PostMapping("/import/")
    ModelAndView importCsv(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
        if (file == null || file.isEmpty()) {
            return importRefused(new FormErrors().field("file", "Choose a CSV file to import."), java.util.List.of());
        }
        try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            int count = redirects.importCsv(reader);
            FlashMessage.success(flash, "Imported " + count + " redirect" + (count == 1 ? "" : "s") + " from " + file.getOriginalFilename() + ".");
            return new ModelAndView("redirect:/admin/redirects/");
        } catch (RedirectException e) {
            return importRefused(new FormErrors().field("file", e.getMessage()), e.problems());
        }
    }

    private static ModelAndView importRefused(FormErrors errors, java.util.List<String> problems) {
        ModelAndView view = new ModelAndView("admin/redirects/import", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("errors", errors);
        view.addObject("problems", problems);
        return view;
    }

    @GetMapping("/export.csv")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"redirects.csv\"");
        response.setHeader("Cache-Control", "no-store");
        redirects.exportCsv(response.getWriter());
    }

    @ExceptionHandler(RedirectNotFoundException.class)
    ModelAndView notFound(RedirectNotFoundException e) {
        return AdminErrors.page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** The chosen page as the page chooser names it, or nothing when no existing page is given. */
    private String pageLabel(String text) {
        if (!text.strip().matches("[0-9]{1,18}")) {
            return "";
        }
        return tree.find(Long.parseLong(text.strip())).map(p -> p.getTitle() + " (" + p.getPath() + ")").orElse("");
    }

    private static Long pageId(String text, FormErrors errors) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            errors.field("target_page", "A page is given by its number (its id), such as 42.");
            return null;
        }
    }

    /** Puts each problem the service found beside the field it is about. */
    private static void explain(RedirectException e, FormErrors errors) {
        if (e.problems().isEmpty()) {
            errors.field(e.getMessage().startsWith("A redirect from") ? "old_path" : "target_url", e.getMessage());
            return;
        }
        for (String problem : e.problems()) {
            String sentence = Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".";
            if (problem.contains("old path") || problem.contains("home page")) {
                errors.field("old_path", sentence);
            } else if (problem.matches("page \\d+ does not exist")) {
                errors.field("target_page", sentence);
            } else {
                errors.field("target_url", sentence);
            }
        }
    }
}
