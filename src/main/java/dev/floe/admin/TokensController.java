package dev.floe.admin;

import java.util.List;

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
import dev.floe.accounts.FloeUser;
import dev.floe.accounts.PermissionDeniedException;
import dev.floe.accounts.Permissions;
import dev.floe.accounts.SitePermission;

/**
 * API tokens: everyone makes and revokes their own; those who manage users see and revoke everyone's. A new token is
 * shown once, on the page that answers the form, and never again.
 */
@Controller
@RequestMapping("/admin/tokens")
@AdminAccess
class TokensController {

    private final Accounts accounts;
    private final Permissions permissions;

    TokensController(Accounts accounts, Permissions permissions) {
        this.accounts = accounts;
        this.permissions = permissions;
    }

    @GetMapping("/")
    String list(Model model) {
        FloeUser user = CurrentUser.get().orElseThrow();
        boolean all = permissions.has(user, SitePermission.MANAGE_USERS);
        List<Accounts.TokenSummary> tokens = accounts.tokens(all ? null : user.id());
        model.addAttribute("tokens", tokens);
        model.addAttribute("all", all);
        return "admin/tokens/list";
    }

    @PostMapping("/new/")
    ModelAndView create(@RequestParam(defaultValue = "") String label) {
        FloeUser user = CurrentUser.get().orElseThrow();
        try {
            String token = accounts.createToken(user.id(), label);
            ModelAndView view = new ModelAndView("admin/tokens/created", HttpStatus.CREATED);
            view.addObject("token", token);
            view.addObject("label", label.strip());
            return view;
        } catch (AccountException e) {
            ModelAndView view = new ModelAndView("admin/tokens/list", HttpStatus.UNPROCESSABLE_CONTENT);
            boolean all = permissions.has(user, SitePermission.MANAGE_USERS);
            view.addObject("tokens", accounts.tokens(all ? null : user.id()));
            view.addObject("all", all);
            view.addObject("errors", new FormErrors().field("label", e.getMessage()));
            view.addObject("label", label);
            return view;
        }
    }

    @PostMapping("/{id}/revoke/")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        FloeUser user = CurrentUser.get().orElseThrow();
        Accounts.TokenSummary token = accounts.token(id);
        if (token.userId() != user.id() && !permissions.has(user, SitePermission.MANAGE_USERS)) {
            throw new PermissionDeniedException("This is someone else's token; only those who manage users may revoke it.");
        }
        accounts.revokeToken(id);
        FlashMessage.success(redirect, "The token “" + token.label() + "” was revoked; requests that use it are now refused.");
        return "redirect:/admin/tokens/";
    }
}
