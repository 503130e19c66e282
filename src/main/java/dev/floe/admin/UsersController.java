package dev.floe.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.floe.accounts.AccountException;
import dev.floe.accounts.Accounts;
import dev.floe.accounts.Groups;
import dev.floe.accounts.SitePermission;

/** Users: list and search, add, edit (details, groups, active), set a password. */
@Controller
@RequestMapping("/admin/users")
@AdminAccess(SitePermission.MANAGE_USERS)
class UsersController {

    private static final int PAGE_SIZE = 50;

    private final Accounts accounts;
    private final Groups groups;

    UsersController(Accounts accounts, Groups groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    @GetMapping("/")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        Accounts.UserList users = accounts.searchUsers(q, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("users", users.items());
        model.addAttribute("total", users.total());
        model.addAttribute("q", q);
        model.addAttribute("page", current);
        model.addAttribute("has_next", (long) current * PAGE_SIZE < users.total());
        return "admin/users/list";
    }

    @GetMapping("/new/")
    String create(Model model) {
        model.addAttribute("form", Map.of("email", "", "name", ""));
        model.addAttribute("groups", groups.list());
        model.addAttribute("chosen", Set.of());
        return "admin/users/new";
    }

    @PostMapping("/new/")
    ModelAndView created(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String password, @RequestParam(name = "password2", defaultValue = "") String repeated,
                         @RequestParam(defaultValue = "false") boolean superuser,
                         @RequestParam(name = "groups", required = false) List<Long> groupIds, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        if (!password.equals(repeated)) {
            errors.field("password2", "The two passwords differ; type the same password twice.");
        }
        if (errors.isEmpty()) {
            try {
                Accounts.UserSummary user = accounts.addUser(email, name, password, superuser, set(groupIds), CurrentUser.get().orElseThrow());
                FlashMessage.success(redirect, "The user " + user.email() + " was added.");
                return new ModelAndView("redirect:/admin/users/");
            } catch (AccountException e) {
                errorsFor(e, errors);
            }
        }
        ModelAndView view = new ModelAndView("admin/users/new", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("form", Map.of("email", email, "name", name));
        view.addObject("groups", groups.list());
        view.addObject("chosen", set(groupIds));
        view.addObject("superuser", superuser);
        view.addObject("errors", errors);
        return view;
    }

    @GetMapping("/{id}/")
    String edit(@PathVariable long id, Model model) {
        Accounts.UserSummary user = accounts.user(id);
        model.addAttribute("edited", user);
        model.addAttribute("form", form(user.email(), user.name()));
        model.addAttribute("groups", groups.list());
        model.addAttribute("chosen", user.groupIds());
        model.addAttribute("active", user.active());
        model.addAttribute("superuser", user.superuser());
        return "admin/users/edit";
    }

    @PostMapping("/{id}/")
    ModelAndView update(@PathVariable long id, @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
                        @RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "false") boolean superuser,
                        @RequestParam(name = "groups", required = false) List<Long> groupIds, RedirectAttributes redirect) {
        Accounts.UserSummary existing = accounts.user(id);
        FormErrors errors = new FormErrors();
        try {
            Accounts.UserSummary user = accounts.updateUser(id, email, name, active, superuser, set(groupIds), CurrentUser.get().orElseThrow());
            FlashMessage.success(redirect, "The user " + user.email() + " was saved" + (user.active() ? "." : " and is deactivated."));
            return new ModelAndView("redirect:/admin/users/");
        } catch (AccountException e) {
            errorsFor(e, errors);
        }
        ModelAndView view = new ModelAndView("admin/users/edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("edited", existing);
        view.addObject("form", form(email, name));
        view.addObject("groups", groups.list());
        view.addObject("chosen", set(groupIds));
        view.addObject("active", active);
        view.addObject("superuser", superuser);
        view.addObject("errors", errors);
        return view;
    }

    @PostMapping("/{id}/password/")
    String setPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
        Accounts.UserSummary user = accounts.user(id);
        if (user.superuser() && !CurrentUser.get().orElseThrow().superuser()) {
            throw new AccountException("Only a superuser may set a superuser's password.");
        }
        try {
            accounts.setPassword(id, password);
            FlashMessage.success(redirect, "The password of " + user.email() + " was set.");
        } catch (AccountException e) {
            FlashMessage.error(redirect, e.getMessage());
            return "redirect:/admin/users/" + id + "/";
        }
        return "redirect:/admin/users/";
    }

    private static Map<String, String> form(String email, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("name", name == null ? "" : name);
        return form;
    }

    /** The chosen groups; an empty value (a hand-made form's {@code groups=}) arrives as null and chooses nothing. */
    private static Set<Long> set(List<Long> ids) {
        return ids == null ? Set.of() : ids.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Puts an account error beside the field it is about, or above the form. */
    static void errorsFor(AccountException e, FormErrors errors) {
        String message = e.getMessage();
        if (message.contains("email address") || message.contains("already a user")) {
            errors.field("email", message);
        } else if (message.startsWith("The password")) {
            errors.field("password", message);
        } else if (message.startsWith("The current password")) {
            errors.field("current_password", message);
        } else {
            errors.general(message);
        }
    }
}
