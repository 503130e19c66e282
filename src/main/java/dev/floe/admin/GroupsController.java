package dev.floe.admin;

import java.util.EnumSet;
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
import dev.floe.accounts.Groups;
import dev.floe.accounts.PageAction;
import dev.floe.accounts.SitePermission;
import dev.floe.pages.Page;
import dev.floe.pages.PageTree;

/** Groups: their site-wide permissions and the page subtrees they may add, edit, publish or delete in. */
@Controller
@RequestMapping("/admin/groups")
@AdminAccess(SitePermission.MANAGE_USERS)
class GroupsController {

    private final Groups groups;
    private final PageTree tree;

    GroupsController(Groups groups, PageTree tree) {
        this.groups = groups;
        this.tree = tree;
    }

    @GetMapping("/")
    String list(Model model) {
        model.addAttribute("groups", groups.list());
        return "admin/groups/list";
    }

    @GetMapping("/new/")
    String create(Model model) {
        model.addAttribute("form", Map.of("name", "", "description", ""));
        model.addAttribute("permissions", SitePermission.values());
        model.addAttribute("held", Set.of());
        return "admin/groups/new";
    }

    @PostMapping("/new/")
    ModelAndView created(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                         @RequestParam(name = "permissions", required = false) List<String> permissions, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            Groups.GroupDetails group = groups.create(name, description, permissions(permissions, errors));
            if (errors.isEmpty()) {
                FlashMessage.success(redirect, "The group " + group.name() + " was added; now give it page permissions if it needs them.");
                return new ModelAndView("redirect:/admin/groups/" + group.id() + "/");
            }
        } catch (AccountException e) {
            errors.field("name", e.getMessage());
        }
        ModelAndView view = new ModelAndView("admin/groups/new", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("form", Map.of("name", name, "description", description));
        view.addObject("permissions", SitePermission.values());
        view.addObject("held", permissions == null ? Set.of() : Set.copyOf(permissions));
        view.addObject("errors", errors);
        return view;
    }

    @GetMapping("/{id}/")
    String edit(@PathVariable long id, Model model) {
        Groups.GroupDetails group = groups.get(id);
        model.addAttribute("group", group);
        model.addAttribute("form", Map.of("name", group.name(), "description", group.description() == null ? "" : group.description()));
        model.addAttribute("permissions", SitePermission.values());
        model.addAttribute("held", group.permissions().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("actions", PageAction.values());
        return "admin/groups/edit";
    }

    @PostMapping("/{id}/")
    ModelAndView update(@PathVariable long id, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
                        @RequestParam(name = "permissions", required = false) List<String> permissions, RedirectAttributes redirect) {
        Groups.GroupDetails existing = groups.get(id);
        FormErrors errors = new FormErrors();
        try {
            Set<SitePermission> chosen = permissions(permissions, errors);
            if (errors.isEmpty()) {
                Groups.GroupDetails group = groups.update(id, name, description, chosen);
                FlashMessage.success(redirect, "The group " + group.name() + " was saved.");
                return new ModelAndView("redirect:/admin/groups/" + id + "/");
            }
        } catch (AccountException e) {
            errors.field("name", e.getMessage());
        }
        ModelAndView view = new ModelAndView("admin/groups/edit", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("group", existing);
        view.addObject("form", Map.of("name", name, "description", description));
        view.addObject("permissions", SitePermission.values());
        view.addObject("held", permissions == null ? Set.of() : Set.copyOf(permissions));
        view.addObject("actions", PageAction.values());
        view.addObject("errors", errors);
        return view;
    }

    /** Grants the chosen actions on the page at the given path (and below it). */
    @PostMapping("/{id}/pages/")
    String grant(@PathVariable long id, @RequestParam(defaultValue = "") String path,
                 @RequestParam(name = "actions", required = false) List<String> actions, RedirectAttributes redirect) {
        Groups.GroupDetails group = groups.get(id);
        String clean = path.strip();
        if (!clean.startsWith("/")) {
            clean = "/" + clean;
        }
        if (!clean.endsWith("/")) {
            clean = clean + "/";
        }
        Page page = tree.findByPath(clean).orElse(null);
        if (page == null) {
            FlashMessage.error(redirect, "There is no page at " + clean + "; give the path of an existing page, such as /news/.");
        } else if (actions == null || actions.isEmpty()) {
            FlashMessage.error(redirect, "Choose at least one action (add, edit, publish or delete) to grant on " + clean + ".");
        } else {
            for (String action : actions) {
                groups.grant(id, page.getId(), parseAction(action));
            }
            FlashMessage.success(redirect, group.name() + " may now " + String.join(", ", actions.stream().map(a -> parseAction(a).label()).toList())
                    + " pages under " + clean + ".");
        }
        return "redirect:/admin/groups/" + id + "/";
    }

    @PostMapping("/{id}/pages/{grant}/delete/")
    String revoke(@PathVariable long id, @PathVariable long grant, RedirectAttributes redirect) {
        groups.revoke(id, grant);
        FlashMessage.success(redirect, "The page permission was removed.");
        return "redirect:/admin/groups/" + id + "/";
    }

    @PostMapping("/{id}/delete/")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Groups.GroupDetails group = groups.get(id);
        groups.delete(id);
        FlashMessage.success(redirect, "The group " + group.name() + " was deleted; its " + group.members() + " members keep their accounts.");
        return "redirect:/admin/groups/";
    }

    private static PageAction parseAction(String action) {
        try {
            return PageAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw new AccountException("There is no page action '" + action + "'.");
        }
    }

    private static Set<SitePermission> permissions(List<String> names, FormErrors errors) {
        Set<SitePermission> chosen = EnumSet.noneOf(SitePermission.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                chosen.add(SitePermission.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.general("There is no permission '" + name + "'; reload the page.");
            }
        }
        return chosen;
    }
}
