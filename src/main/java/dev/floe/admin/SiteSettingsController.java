package dev.floe.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.floe.accounts.SitePermission;
import dev.floe.blocks.ContentValidationException;
import dev.floe.site.ResponsePages;
import dev.floe.site.SiteSettings;

/**
 * Site settings (robots.txt) and the response pages (the content shown with a 404 or a 500), edited through
 * {@link SiteSettings} and {@link ResponsePages} as the content API edits them. Neither is kept in the page cache
 * (robots.txt is plain text and error responses are never stored), so there is nothing to purge.
 */
@Controller
@RequestMapping("/admin/settings")
@AdminAccess(SitePermission.SETTINGS)
class SiteSettingsController {

    private final SiteSettings settings;
    private final ResponsePages responsePages;
    private final BlockSlotsForm blocks;

    SiteSettingsController(SiteSettings settings, ResponsePages responsePages, BlockSlotsForm blocks) {
        this.settings = settings;
        this.responsePages = responsePages;
        this.blocks = blocks;
    }

    @GetMapping("/")
    ModelAndView show() {
        return settingsPage(HttpStatus.OK, settings.robotsTxt(), !settings.robotsTxtEdited(), new FormErrors());
    }

    @PostMapping("/")
    ModelAndView save(@RequestParam(name = "robots_txt", required = false) String robots,
                      @RequestParam(name = "robots_default", defaultValue = "false") boolean useDefault,
                      RedirectAttributes flash) {
        if (robots == null && !useDefault) {
            // An empty box sends "" (an empty robots.txt allows everything); a form without the box is not this form.
            return settingsPage(HttpStatus.UNPROCESSABLE_CONTENT, "", false, new FormErrors().field("robots_txt",
                    "Write the robots.txt rules, or tick “Use the default robots.txt instead”."));
        }
        try {
            // Browsers send a text box's lines ended by CR LF; robots.txt is kept as it would be typed in a file.
            settings.setRobotsTxt(useDefault ? null : robots.replace("\r\n", "\n"), CurrentUser.get().orElseThrow().asAuthor());
        } catch (ContentValidationException e) {
            FormErrors errors = new FormErrors();
            e.problems().forEach(problem -> errors.field(problem.field(), sentence(problem.message())));
            return settingsPage(HttpStatus.UNPROCESSABLE_CONTENT, robots, false, errors);
        }
        FlashMessage.success(flash, useDefault ? "robots.txt is the default again." : "The site settings were saved.");
        return new ModelAndView("redirect:/admin/settings/");
    }

    @GetMapping("/response-pages/{code}/")
    ModelAndView responsePage(@PathVariable int code) {
        if (!ResponsePages.CODES.contains(code)) {
            return noSuchResponsePage(code);
        }
        ResponsePages.View page = responsePages.get(code);
        return responsePageEditor(HttpStatus.OK, page, page.title(), blocks.stored(responsePages.slots(), page.slots()),
                new FormErrors(), List.of());
    }

    @PostMapping("/response-pages/{code}/")
    ModelAndView saveResponsePage(@PathVariable int code, HttpServletRequest request, RedirectAttributes flash) {
        if (!ResponsePages.CODES.contains(code)) {
            return noSuchResponsePage(code);
        }
        BlockSlotsForm.Sent sent = blocks.read(request, responsePages.slots());
        try {
            sent.requireReadable();
            responsePages.set(code, request.getParameter("title"), sent.slots(), CurrentUser.get().orElseThrow().asAuthor());
        } catch (ContentValidationException e) {
            FormErrors errors = new FormErrors();
            List<String> problems = new ArrayList<>();
            Map<String, Object> form = blocks.sentBack(responsePages.slots(), request, sent, e, errors, problems);
            String title = request.getParameter("title");
            return responsePageEditor(HttpStatus.UNPROCESSABLE_CONTENT, responsePages.get(code), title == null ? "" : title,
                    form, errors, problems);
        }
        FlashMessage.success(flash, "The " + code + " page was saved; visitors see it from now on.");
        return new ModelAndView("redirect:/admin/settings/response-pages/" + code + "/");
    }

    /** A new, empty block for a response page's slot, as the "add block" button inserts it. */
    @GetMapping("/response-pages/block-form/")
    ModelAndView blockForm(@RequestParam String slot, @RequestParam String type) {
        return blocks.newBlock(responsePages.slots(), slot, type);
    }

    private ModelAndView settingsPage(HttpStatus status, String robots, boolean robotsDefault, FormErrors errors) {
        ModelAndView view = new ModelAndView("admin/settings/edit", status);
        view.addObject("robots_txt", robots);
        view.addObject("robots_default", robotsDefault);
        view.addObject("response_pages", ResponsePages.CODES.stream().map(responsePages::get).toList());
        view.addObject("errors", errors);
        return view;
    }

    private static ModelAndView responsePageEditor(HttpStatus status, ResponsePages.View page, String title,
                                                   Map<String, Object> form, FormErrors errors, List<String> problems) {
        ModelAndView view = new ModelAndView("admin/settings/response_page", status);
        view.addObject("response_page", page);
        view.addObject("title", title);
        view.addObject("form", form);
        view.addObject("errors", errors);
        view.addObject("problems", problems);
        return view;
    }

    private static ModelAndView noSuchResponsePage(int code) {
        return AdminErrors.page(HttpStatus.NOT_FOUND, "There is a response page for " + ResponsePages.CODES.stream()
                .map(String::valueOf).collect(Collectors.joining(" and ")) + " only, not for " + code + ".");
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + (message.endsWith(".") ? "" : ".");
    }
}
