package dev.floe.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import dev.floe.navigation.MenuException;
import dev.floe.navigation.MenuNotFoundException;
import dev.floe.navigation.Menus;
import dev.floe.pages.Page;
import dev.floe.pages.PageTree;

/**
 * Menus: the list, a new menu, and a menu's items edited as one form. The items are shown flat, a sub-item under the
 * item above it; moving and removing are submit buttons, so they work by keyboard and without scripts, and nothing is
 * stored until Save, which replaces the menu through {@link Menus} as the content API does.
 */
@Controller
@RequestMapping("/admin/menus")
@AdminAccess(SitePermission.MENUS)
class MenusController {

    private static final Pattern PLACE = Pattern.compile("^items\\[(\\d+)](?:\\.children\\[(\\d+)])?[: ]\\s*(.*)$");

    private final Menus menus;
    private final PageTree tree;

    MenusController(Menus menus, PageTree tree) {
        this.menus = menus;
        this.tree = tree;
    }

    /** One row of the item form; {@code pageTitle} and {@code pagePath} describe the chosen page, if it exists. */
    record Row(String label, String page, String url, boolean child, String pageTitle, String pagePath) {
    }

    @GetMapping("/")
    String list(Model model) {
        model.addAttribute("menus", menus.all());
        return "admin/menus/list";
    }

    @PostMapping("/new/")
    ModelAndView create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String label,
                        RedirectAttributes flash) {
        String wanted = name.strip();
        FormErrors errors = new FormErrors();
        if (menus.all().stream().anyMatch(m -> m.name().equals(wanted))) {
            errors.field("name", "There is already a menu called " + wanted + ".");
        } else {
            try {
                menus.replace(wanted, label, List.of(), CurrentUser.get().orElseThrow().asAuthor());
                FlashMessage.success(flash, "The menu " + wanted + " was made; now add its items.");
                return new ModelAndView("redirect:/admin/menus/" + wanted + "/");
            } catch (MenuException e) {
                e.problems().forEach(p -> errors.field(p.contains("label") ? "label" : "name", sentence(p)));
            }
        }
        ModelAndView view = new ModelAndView("admin/menus/list", HttpStatus.UNPROCESSABLE_CONTENT);
        view.addObject("menus", menus.all());
        view.addObject("errors", errors);
        view.addObject("name", name);
        view.addObject("label", label);
        return view;
    }

    @GetMapping("/{name}/")
    String edit(@PathVariable String name, Model model) {
        Menus.Definition menu = menus.get(name);
        List<Row> rows = new ArrayList<>();
        for (Menus.Item item : menu.items()) {
            rows.add(row(item.label(), item.page() == null ? "" : item.page().toString(), item.url(), false));
            for (Menus.Item child : item.children()) {
                rows.add(row(child.label(), child.page() == null ? "" : child.page().toString(), child.url(), true));
            }
        }
        model.addAttribute("menu", menu);
        model.addAttribute("label", menu.label());
        model.addAttribute("rows", rows);
        return "admin/menus/edit";
    }

    /**
     * {@code action} is {@code save}, {@code add}, or {@code up:N}, {@code down:N}, {@code remove:N} for row N; all
     * but {@code save} show the form again, changed, without storing it.
     */
    @PostMapping("/{name}/")
    ModelAndView update(@PathVariable String name, @RequestParam(defaultValue = "") String label,
                        @RequestParam(defaultValue = "save") String action, @RequestParam Map<String, String> form,
                        RedirectAttributes flash) {
        Menus.Definition menu = menus.get(name);
        List<Row> rows = rows(form);
        FormErrors errors = new FormErrors();
        String focus = null;
        if (action.equals("add")) {
            rows.add(row("", "", "", false));
            focus = "item_" + (rows.size() - 1);
        } else if (action.matches("(up|down|remove):\\d+")) {
            int index = Integer.parseInt(action.substring(action.indexOf(':') + 1));
            if (index >= rows.size()) {
                return page(menu, label, rows, errors.general("That item is no longer in the form; nothing was changed."), null, HttpStatus.UNPROCESSABLE_CONTENT);
            }
            if (action.startsWith("remove")) {
                rows.remove(index);
                focus = "items";
            } else {
                int other = action.startsWith("up") ? index - 1 : index + 1;
                if (other >= 0 && other < rows.size()) {
                    rows.set(index, rows.set(other, rows.get(index)));
                } else {
                    other = index;
                }
                // Focus follows the moved item, on the same button unless that one is now disabled at an end.
                boolean up = action.startsWith("up") ? other > 0 : other == rows.size() - 1;
                focus = (up ? "up_" : "down_") + other;
            }
        } else if (action.equals("save")) {
            List<Menus.Item> items = new ArrayList<>();
            List<String> places = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                Long page = null;
                if (!row.page().isBlank()) {
                    try {
                        page = Long.parseLong(row.page().strip());
                    } catch (NumberFormatException e) {
                        errors.field("page_" + i, "A page is given by its number (its id), such as 42.");
                    }
                }
                Menus.Item item = new Menus.Item(row.label(), page, row.url(), List.of());
                if (row.child()) {
                    if (items.isEmpty()) {
                        errors.field("child_" + i, "The first item cannot be a sub-item: there is no item above it.");
                        continue;
                    }
                    Menus.Item parent = items.removeLast();
                    List<Menus.Item> children = new ArrayList<>(parent.children());
                    places.add("items[" + items.size() + "].children[" + children.size() + "]=" + i);
                    children.add(item);
                    items.add(new Menus.Item(parent.label(), parent.page(), parent.url(), children));
                } else {
                    places.add("items[" + items.size() + "]=" + i);
                    items.add(item);
                }
            }
            if (errors.isEmpty()) {
                try {
                    menus.replace(name, label, items, CurrentUser.get().orElseThrow().asAuthor());
                    FlashMessage.success(flash, "The menu " + name + " was saved; the site shows it now.");
                    return new ModelAndView("redirect:/admin/menus/" + name + "/");
                } catch (MenuException e) {
                    explain(e, places, errors);
                }
            }
            return page(menu, label, rows, errors, null, HttpStatus.UNPROCESSABLE_CONTENT);
        } else {
            return page(menu, label, rows, errors.general("The form asked for something this screen does not do: " + action), null, HttpStatus.BAD_REQUEST);
        }
        return page(menu, label, rows, errors, focus, HttpStatus.OK);
    }

    @GetMapping("/{name}/delete/")
    String confirmDelete(@PathVariable String name, Model model) {
        model.addAttribute("menu", menus.get(name));
        return "admin/menus/delete";
    }

    /** Deletes through {@link Menus} as the content API does, so pages showing the menu are purged from the cache. */
    @PostMapping("/{name}/delete/")
    String delete(@PathVariable String name, RedirectAttributes flash) {
        Menus.Definition menu = menus.get(name);
        menus.delete(name);
        FlashMessage.success(flash, "The menu " + menu.label() + " was deleted; layouts that show " + name + " show nothing there now.");
        return "redirect:/admin/menus/";
    }

    @ExceptionHandler(MenuNotFoundException.class)
    ModelAndView notFound(MenuNotFoundException e) {
        return AdminErrors.page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ModelAndView page(Menus.Definition menu, String label, List<Row> rows, FormErrors errors, String focus, HttpStatus status) {
        ModelAndView view = new ModelAndView("admin/menus/edit", status);
        view.addObject("menu", menu);
        view.addObject("label", label);
        view.addObject("rows", rows);
        view.addObject("errors", errors);
        view.addObject("focus", focus);
        view.addObject("unsaved", true);
        return view;
    }

    private List<Row> rows(Map<String, String> form) {
        int count;
        try {
            count = Math.min(Integer.parseInt(form.getOrDefault("count", "0")), 1000);
        } catch (NumberFormatException e) {
            count = 0;
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!form.containsKey("label_" + i)) {
                continue;
            }
            rows.add(row(form.get("label_" + i), form.getOrDefault("page_" + i, ""), form.getOrDefault("url_" + i, ""),
                    form.containsKey("child_" + i)));
        }
        return rows;
    }

    private Row row(String label, String page, String url, boolean child) {
        String title = null;
        String path = null;
        if (page != null && page.strip().matches("\\d{1,18}")) {
            Page found = tree.find(Long.parseLong(page.strip())).orElse(null);
            if (found != null) {
                title = found.getTitle();
                path = found.getPath();
            }
        }
        return new Row(label == null ? "" : label, page == null ? "" : page, url == null ? "" : url, child, title, path);
    }

    /** Puts each problem beside the row and field it is about; {@code places} maps "items[i]…" to the row's index. */
    private static void explain(MenuException e, List<String> places, FormErrors errors) {
        for (String problem : e.problems()) {
            Matcher matcher = PLACE.matcher(problem);
            if (!matcher.matches()) {
                errors.field(problem.contains("label") ? "label" : "items", sentence(problem));
                continue;
            }
            String place = "items[" + matcher.group(1) + "]" + (matcher.group(2) != null ? ".children[" + matcher.group(2) + "]" : "");
            int row = places.stream().filter(p -> p.startsWith(place + "=")).map(p -> Integer.parseInt(p.substring(p.indexOf('=') + 1)))
                    .findFirst().orElse(-1);
            String what = matcher.group(3);
            String field = what.contains("label") ? "label_" : what.contains("does not exist") ? "page_" : "url_";
            String message = sentence(what.startsWith("links to") ? "this item " + what : what.startsWith("needs") ? "this item " + what : what);
            if (row < 0) {
                errors.general(sentence(problem));
            } else {
                errors.field(field + row, message);
            }
        }
    }

    private static String sentence(String text) {
        String s = text.strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1) + (s.endsWith(".") ? "" : ".");
    }
}
